using System.Net;
using System.Text.Json;
using BreakoutBot.Web.ApiClients;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace BreakoutBot.Web.Live;

/// <summary>
/// One SignalR connection to the Api's <c>/hubs/events</c> per circuit, authenticated with the console's key,
/// reconnecting with growing delays forever (the indicator shows each phase).
/// </summary>
public sealed class HubLiveEvents(
    IOptions<WebApiOptions> options,
    ServiceEndpointResolver resolver,
    TimeProvider clock,
    ILogger<HubLiveEvents> logger) : ILiveEvents, IAsyncDisposable
{
    public const string HubPath = "/hubs/events";

    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly CancellationTokenSource _stopping = new();
    private HubConnection? _connection;
    private Task? _starting;

    public LiveConnectionState State { get; private set; } = LiveConnectionState.Connecting;

    public string? Detail { get; private set; }

    public DateTimeOffset? LastEventAt { get; private set; }

    public event Action? StateChanged;

    public event Action<string>? EventReceived;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.HasKey)
        {
            SetState(LiveConnectionState.NotConfigured, "no API key is configured for the console (Api:Key); pages refresh by polling");
            return Task.CompletedTask;
        }

        return _starting ??= Task.Run(ConnectLoopAsync, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_starting is not null)
        {
            // The connect loop ends on cancellation; wait for it so nothing touches a disposed connection.
            await _starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task ConnectLoopAsync()
    {
        var attempt = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                SetState(attempt == 0 ? LiveConnectionState.Connecting : LiveConnectionState.Reconnecting, Detail);
                var url = await ResolveHubUrlAsync(_stopping.Token);
                _connection = Build(url);
                await _connection.StartAsync(_stopping.Token);
                SetState(LiveConnectionState.Connected, null);
                var hubUrl = url.GetLeftPart(UriPartial.Path);
                Log.LiveEventsConnected(logger, hubUrl);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or IOException or TimeoutException)
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                    _connection = null;
                }

                var delay = Delays[Math.Min(attempt, Delays.Length - 1)];
                attempt++;
                SetState(LiveConnectionState.Disconnected, $"{Describe(exception)}; retrying in {Math.Max(1, delay.TotalSeconds):0} s");
                Log.LiveEventsConnectFailed(logger, exception.GetType().Name, attempt);
                try
                {
                    await Task.Delay(delay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : delay, clock, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private HubConnection Build(Uri url)
    {
        var key = options.Value.Key;
        var connection = new HubConnectionBuilder()
            .WithUrl(url, http => http.AccessTokenProvider = () => Task.FromResult(key))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        connection.Reconnecting += error =>
        {
            SetState(LiveConnectionState.Reconnecting, error is null ? "connection lost" : Describe(error));
            return Task.CompletedTask;
        };
        connection.Reconnected += _ =>
        {
            SetState(LiveConnectionState.Connected, null);
            // Anything missed while away: pages reload from the Api.
            EventReceived?.Invoke("Reconnected");
            return Task.CompletedTask;
        };
        connection.Closed += error =>
        {
            SetState(LiveConnectionState.Disconnected, error is null ? "closed" : Describe(error));
            return Task.CompletedTask;
        };
        foreach (var name in LiveEventNames.All)
        {
            connection.On<JsonElement>(name, _ => Received(name));
        }

        return connection;
    }

    private void Received(string type)
    {
        LastEventAt = clock.GetUtcNow();
        EventReceived?.Invoke(type);
    }

    private async Task<Uri> ResolveHubUrlAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.BaseAddress;
        if (configured.Scheme is "http" or "https")
        {
            return new Uri(configured, HubPath);
        }

        var source = await resolver.GetEndpointsAsync(configured.OriginalString, cancellationToken);
        var endpoint = (source.Endpoints.Count > 0 ? source.Endpoints[0].EndPoint : null)
                       ?? throw new InvalidOperationException($"service discovery found no endpoint for {configured.Host}");
        var baseUri = endpoint switch
        {
            UriEndPoint uri => uri.Uri,
            DnsEndPoint dns => new UriBuilder("http", dns.Host, dns.Port).Uri,
            IPEndPoint ip => new UriBuilder("http", ip.Address.ToString(), ip.Port).Uri,
            _ => throw new InvalidOperationException($"cannot use the endpoint {endpoint} for the hub"),
        };
        return new Uri(baseUri, HubPath);
    }

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } => "the Api refused the console's API key",
        HttpRequestException { StatusCode: { } status } => $"the Api answered HTTP {(int)status}",
        _ => exception.GetType().Name,
    };

    private void SetState(LiveConnectionState state, string? detail)
    {
        State = state;
        Detail = detail;
        StateChanged?.Invoke();
    }

    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delays[Math.Min((int)retryContext.PreviousRetryCount, Delays.Length - 1)];
    }
}
