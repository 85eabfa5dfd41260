using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Simulator.Tests.Rest;
using BreakoutBot.Simulator.Trading;
using BreakoutBot.Simulator.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>
/// Two simulators on loopback: the "upstream Bybit" (Sim mode) and a Paper-mode simulator relaying it, each with its
/// own account (same keys, separate ledgers).
/// </summary>
public abstract class PaperVenueBase(string upstreamSpeed) : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private WebApplication? _upstream;
    private WebApplication? _paper;

    public Uri UpstreamAddress { get; private set; } = null!;

    public Uri PaperAddress { get; private set; } = null!;

    public SimulatedExchange UpstreamExchange => _upstream!.Services.GetRequiredService<SimulatedExchange>();

    /// <summary>The topics the Paper simulator has subscribed upstream.</summary>
    public IReadOnlyCollection<string> UpstreamTopics => _paper!.Services.GetRequiredService<UpstreamSubscriptions>().Topics;

    /// <summary>More settings for the Paper simulator (a recording directory, say).</summary>
    protected virtual string[] PaperSettings => [];

    public async ValueTask InitializeAsync()
    {
        (_upstream, UpstreamAddress) = await StartAsync(
        [
            $"--Simulator:Speed={upstreamSpeed}",
            "--Simulator:HistoryBars=400",
            "--Simulator:Seed=31",
        ]);
        (_paper, PaperAddress) = await StartAsync(
        [
            "--Simulator:Mode=Paper",
            $"--Simulator:Upstream:RestUrl={UpstreamAddress}",
            $"--Simulator:Upstream:PublicStream={PublicEndpoint(UpstreamAddress)}",
            .. PaperSettings,
        ]);

        // The Paper simulator loads the upstream's instruments in the background at start.
        var market = Market(PaperAddress);
        await UntilAsync(async () => (await market.GetInstrumentsAsync(TestContext.Current.CancellationToken)).Count > 0, "instruments loaded from the upstream");
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await RunningSimulator.StopAsync(_paper);
        await RunningSimulator.StopAsync(_upstream);
        Stopped();
    }

    /// <summary>After both simulators stopped: for what a fixture made besides them.</summary>
    protected virtual void Stopped()
    {
    }

    public static Uri PublicEndpoint(Uri address) => new UriBuilder(new Uri(address, "/v5/public/linear")) { Scheme = "ws" }.Uri;

    public BybitMarketClient Market(Uri address) => new(Http(address), TimeProvider.System);

    public BybitPrivateClient Private(Uri address) => new(Http(address), VenueSimulator.Account, TimeProvider.System);

    public static BybitPublicStreamClient Stream(Uri address, BybitStreamMetrics metrics) => new(
        new BybitStreamOptions
        {
            PublicEndpoint = PublicEndpoint(address),
            PingInterval = TimeSpan.FromMilliseconds(500),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(20),
        },
        TimeProvider.System,
        NullLogger<BybitPublicStreamClient>.Instance,
        metrics,
        new Random(3));

    /// <summary>Builds and starts a simulator on a free loopback port with the given settings.</summary>
    internal static async Task<(WebApplication App, Uri Address)> StartAsync(string[] settings)
    {
        var app = SimulatorApplication.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    private HttpClient Http(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }
}
