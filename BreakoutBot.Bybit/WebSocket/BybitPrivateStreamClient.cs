using System.Text.Json;
using System.Threading.Channels;
using BreakoutBot.Bybit.Signing;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Bybit's private stream: one connection that authenticates (<c>expires</c> + HMAC of <c>"GET/realtime" + expires</c>)
/// on every connect, subscribes <c>order</c>, <c>execution</c>, <c>position</c> and <c>wallet</c>, pings, and reconnects
/// with back-off. After every reconnect it delivers <see cref="PrivateStreamReconnected"/> so the consumer re-queries
/// orders and positions over REST. Keys and signatures are never logged: only the venue's answer is.
/// </summary>
/// <remarks>
/// Overflow policy: <see cref="Events"/> is bounded (<see cref="BybitStreamOptions.ChannelCapacity"/>) and
/// <em>waits</em> when full: order and fill updates must not be dropped. A consumer that stalls long enough stalls the
/// socket, the connection is then declared dead and replaced, and the consumer gets <see cref="PrivateStreamReconnected"/>.
/// </remarks>
public sealed class BybitPrivateStreamClient : IAsyncDisposable
{
    private static readonly string[] AllTopics = ["order", "execution", "position", "wallet"];
    private readonly BybitStreamOptions _options;
    private readonly BybitCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly BybitStreamMetrics _metrics;
    private readonly Channel<PrivateStreamEvent> _events;
    private readonly StreamConnection _connection;

    public BybitPrivateStreamClient(
        BybitStreamOptions options,
        BybitCredentials credentials,
        TimeProvider clock,
        ILogger<BybitPrivateStreamClient> logger,
        BybitStreamMetrics metrics,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(random);
        _options = options;
        _credentials = credentials;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
        _events = Channel.CreateBounded<PrivateStreamEvent>(new BoundedChannelOptions(options.ChannelCapacity) { FullMode = BoundedChannelFullMode.Wait });
        var backoff = new ReconnectBackoff(options.ReconnectDelay, options.MaxReconnectDelay, random);
        _connection = new StreamConnection("private", options.PrivateEndpoint, options, new Handler(this), logger, clock, backoff, metrics);
    }

    public ChannelReader<PrivateStreamEvent> Events => _events.Reader;

    /// <summary>Venue clock minus local clock (from <c>BybitPrivateClient.SynchronizeClockAsync</c>), applied to <c>expires</c>.</summary>
    public TimeSpan ClockOffset { get; set; }

    public bool IsConnected => _connection.IsConnected;

    /// <summary>Connects, authenticates and subscribes all four topics; later losses are repaired in the background.</summary>
    /// <exception cref="BybitStreamAuthenticationException">The venue refused the credentials on the first attempt.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _connection.SubscribeAsync(AllTopics, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _events.Writer.TryComplete();
    }

    private async Task AuthenticateAsync(StreamConnection connection, CancellationToken cancellationToken)
    {
        var expires = (_clock.GetUtcNow() + ClockOffset + _options.AuthValidity).ToUnixTimeMilliseconds();
        var signature = RequestSigner.SignWebSocketAuth(_credentials, expires);
        var ack = await connection.RequestAsync(
            "auth",
            writer =>
            {
                writer.WriteStringValue(_credentials.ApiKey);
                writer.WriteNumberValue(expires);
                writer.WriteStringValue(signature);
            },
            cancellationToken);
        if (!ack.Success)
        {
            throw new BybitStreamAuthenticationException($"The venue refused the private stream's authentication: {ack.Message}");
        }

        Log.Authenticated(_logger, connection.Name);
    }

    private sealed class Handler(BybitPrivateStreamClient client) : IStreamHandler
    {
        public Task AuthenticateAsync(StreamConnection connection, CancellationToken cancellationToken) =>
            client.AuthenticateAsync(connection, cancellationToken);

        public async ValueTask SessionStartedAsync(StreamConnection connection, bool isReconnect, CancellationToken cancellationToken)
        {
            if (isReconnect)
            {
                await client._events.Writer.WriteAsync(new PrivateStreamReconnected(client._clock.GetUtcNow()), cancellationToken);
            }
        }

        public void SessionEnded(StreamConnection connection)
        {
        }

        public async ValueTask DataAsync(StreamConnection connection, JsonElement message, CancellationToken cancellationToken)
        {
            var now = client._clock.GetUtcNow();
            IReadOnlyList<PrivateStreamEvent> events;
            try
            {
                events = PrivateMessageParser.Parse(message, now);
            }
            catch (Exception exception) when (exception is FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException or OverflowException or JsonException)
            {
                var topic = PublicMessageParser.Topic(message) ?? "(none)";
                Reject(connection, topic, exception.GetType().Name + ": " + exception.Message);
                events = [new PrivatePayloadRejected(now, topic)];
            }

            foreach (var update in events)
            {
                await client._events.Writer.WriteAsync(update, cancellationToken);
            }
        }

        public void Malformed(StreamConnection connection, string? topic, string problem)
        {
            Reject(connection, topic ?? "(unknown)", problem);
            client._events.Writer.TryWrite(new PrivatePayloadRejected(client._clock.GetUtcNow(), topic ?? "(unknown)"));
        }

        private void Reject(StreamConnection connection, string topic, string problem)
        {
            Log.BadPayload(client._logger, connection.Name, topic, problem);
            client._metrics.BadPayloads.Add(1, new KeyValuePair<string, object?>("stream", "private"), new KeyValuePair<string, object?>("topic", topic));
        }
    }
}
