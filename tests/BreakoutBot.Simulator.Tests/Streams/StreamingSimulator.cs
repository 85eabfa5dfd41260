using System.Text.Json;
using BreakoutBot.Bybit.WebSocket;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>
/// A simulator of its own for stream tests (faults and orders must not reach other tests), fast enough that a
/// 5-minute bar closes every half second, with stream fault injection on and the simulator's logs captured.
/// </summary>
public sealed class StreamingSimulator : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The simulator's market, to compute what the venue's book is at a given seq.</summary>
    public Market.SimulatedMarketFeed Market => _app!.Services.GetRequiredService<Market.SimulatedMarketFeed>();

    /// <summary>Everything the simulator logged under BreakoutBot.* (Debug and up) and ASP.NET Core (Warning and up).</summary>
    public CapturedLogs SimulatorLogs { get; } = new();

    public Uri PublicEndpoint => new UriBuilder(new Uri(BaseAddress, "/v5/public/linear")) { Scheme = "ws" }.Uri;

    public Uri PrivateEndpoint => new UriBuilder(new Uri(BaseAddress, "/v5/private")) { Scheme = "ws" }.Uri;

    public async ValueTask InitializeAsync()
    {
        _app = SimulatorApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Simulator:Speed=600",
            "--Simulator:HistoryBars=400",
            "--Simulator:Seed=11",
            "--Simulator:Streams:FaultsEnabled=true",
            "--Simulator:Streams:MaxTopicsPerConnection=20",
            "--Simulator:Streams:KlinePushIntervalMs=200",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:BreakoutBot=Debug",
        ]);
        _app.Services.GetRequiredService<ILoggerFactory>().AddProvider(SimulatorLogs);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Stream options for a test client: fast pings and reconnects so faults heal within seconds.</summary>
    public BybitStreamOptions ClientOptions(int maxTopicsPerConnection = 100) => new()
    {
        PublicEndpoint = PublicEndpoint,
        PrivateEndpoint = PrivateEndpoint,
        PingInterval = TimeSpan.FromMilliseconds(500),
        DeadAfter = TimeSpan.FromSeconds(20),
        ReconnectDelay = TimeSpan.FromMilliseconds(100),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
        RequestTimeout = TimeSpan.FromSeconds(20),
        MaxTopicsPerConnection = maxTopicsPerConnection,
    };

    /// <summary>Posts to a fault endpoint; returns how many connections (or milliseconds) it affected.</summary>
    public async Task<int> FaultAsync(string pathAndQuery)
    {
        using var response = await Http.PostAsync(new Uri(pathAndQuery, UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("affected").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SimulatorLogs.Dispose();
    }
}
