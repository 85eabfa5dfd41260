using System.Net.Http.Json;
using BreakoutBot.Bybit;
using BreakoutBot.Bybit.Resilience;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Simulator.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>
/// A simulator of its own (per test class) with the test-only fault endpoint enabled, and clients that go through the
/// real resilience handlers over a loopback socket. Bars close every half second (speed 600), so prices move.
/// </summary>
public sealed class VenueSimulator : IAsyncLifetime
{
    public static readonly BybitCredentials Account = new("sim-api-key", "sim-api-secret");
    private readonly List<HttpClient> _clients = [];
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public SimulatedExchange Exchange => _app!.Services.GetRequiredService<SimulatedExchange>();

    public async ValueTask InitializeAsync()
    {
        _app = SimulatorApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Simulator:Speed=600",
            "--Simulator:HistoryBars=400",
            "--Simulator:Seed=11",
            "--Simulator:Faults:Enabled=true",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await RunningSimulator.StopAsync(_app);
    }

    public async Task SetFaultsAsync(FaultSettings settings)
    {
        using var response = await Plain().PostAsJsonAsync(new Uri("/sim/faults", UriKind.Relative), settings, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Plain().DeleteAsync(new Uri("/sim/faults", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public FaultCounters FaultCounters => _app!.Services.GetRequiredService<FaultInjector>().Counters;

    public BybitPrivateClient PrivateClient(TimeProvider? clock = null, BybitOptions? options = null)
    {
        clock ??= TimeProvider.System;
        return new BybitPrivateClient(Resilient(clock, options), Account, clock);
    }

    public BybitMarketClient MarketClient(TimeProvider? clock = null) => new(Resilient(clock ?? TimeProvider.System, null), clock ?? TimeProvider.System);

    private HttpClient Resilient(TimeProvider clock, BybitOptions? options)
    {
        // A generous attempt limit: on a loaded two-core CI machine (the whole application under test next door) one
        // answer once took over the production default of 10 s, and an order create is never retried.
        options ??= new BybitOptions { BaseUrl = BaseAddress.ToString(), RetrySeed = 5, AttemptTimeout = TimeSpan.FromSeconds(45) };
#pragma warning disable CA2000 // The HttpClient owns the handler chain and is disposed with the fixture.
        var chain = new BybitRetryHandler(options, clock, new RetryJitter(options.RetrySeed), NullLogger<BybitRetryHandler>.Instance)
        {
            InnerHandler = new BybitRateLimitHandler(new BybitRateLimiter(clock), options, clock, NullLogger<BybitRateLimitHandler>.Instance)
            {
                InnerHandler = new SocketsHttpHandler(),
            },
        };
#pragma warning restore CA2000
        return Track(new HttpClient(chain) { BaseAddress = BaseAddress });
    }

    private HttpClient Plain() => Track(new HttpClient { BaseAddress = BaseAddress });

    private HttpClient Track(HttpClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }
}
