using BenchmarkDotNet.Attributes;
using BreakoutBot.Bybit;
using BreakoutBot.Bybit.Resilience;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BreakoutBot.Benchmarks;

/// <summary>
/// One REST call against the simulator running in this process on loopback: a bare HttpClient GET (the floor), the
/// same call through our client and its resilience handlers, a signed private call, and a 50-level order book.
/// Rate limits are off in this simulator: with them on, the client would (rightly) wait for each window to reset.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RestRoundTripBenchmarks : IDisposable
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");
    private WebApplication _app = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilient = null!;
    private BybitMarketClient _market = null!;
    private BybitPrivateClient _private = null!;
    private Uri _timePath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = SimulatorApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Simulator:HistoryBars=400",
            "--Simulator:RateLimits:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var options = new BybitOptions { BaseUrl = address.ToString() };
        var clock = TimeProvider.System;
        _bare = new HttpClient { BaseAddress = address };
        _resilient = new HttpClient(new BybitRetryHandler(options, clock, new RetryJitter(1), NullLogger<BybitRetryHandler>.Instance)
        {
            InnerHandler = new BybitRateLimitHandler(new BybitRateLimiter(clock), options, clock, NullLogger<BybitRateLimitHandler>.Instance)
            {
                InnerHandler = new SocketsHttpHandler(),
            },
        })
        {
            BaseAddress = address,
        };
        _market = new BybitMarketClient(_resilient, clock);
        _private = new BybitPrivateClient(_resilient, new BybitCredentials("sim-api-key", "sim-api-secret"), clock);
        _timePath = new Uri("/v5/market/time", UriKind.Relative);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _bare?.Dispose();
        _resilient?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ServerTime_BareHttpClient()
    {
        using var response = await _bare.GetAsync(_timePath);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<DateTimeOffset> ServerTime_MarketClient() => await _market.GetServerTimeAsync();

    [Benchmark]
    public async Task<decimal> WalletBalance_SignedPrivateClient() => (await _private.GetWalletBalanceAsync()).Equity;

    [Benchmark]
    public async Task<int> OrderBook50_MarketClient() => (await _market.GetOrderBookAsync(Btc, 50)).Bids.Count;
}
