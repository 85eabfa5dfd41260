using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Tests;

/// <summary>The venue's configured latency: seeded draws within their bounds, and order-path requests held for them.</summary>
public sealed class LatencyTests
{
    [Fact]
    public void LatencyModel_SameSeed_SameDrawsWithinBaseAndJitter()
    {
        var options = Options.Create(new LatencyOptions { OrderAckMs = 20, StreamMs = 5, JitterMs = 10, Seed = 3 });
        var first = new LatencyModel(options);
        var second = new LatencyModel(options);

        var draws = Enumerable.Range(0, 200).Select(_ => first.NextOrderDelay()).ToList();

        Assert.Equal(draws, Enumerable.Range(0, 200).Select(_ => second.NextOrderDelay()));
        Assert.All(draws, delay => Assert.InRange(delay.TotalMilliseconds, 20, 30));
        Assert.True(draws.Distinct().Count() > 100, "jitter varies the delay");
        Assert.InRange(first.NextStreamDelay().TotalMilliseconds, 5, 15);
        Assert.Equal(TimeSpan.Zero, new LatencyModel(Options.Create(new LatencyOptions())).NextOrderDelay());
    }

    [Fact]
    public async Task OrderCreate_WithAckLatency_IsNotAnsweredBeforeIt()
    {
        var (app, address) = await RunningSimulator.StartWithAsync("--Simulator:HistoryBars=100", "--Simulator:Latency:OrderAckMs=400");
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            var client = new BybitPrivateClient(http, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);
            var market = new BybitMarketClient(http, TimeProvider.System);
            await market.GetServerTimeAsync(TestContext.Current.CancellationToken);

            var order = Stopwatch.StartNew();
            await client.PlaceOrderAsync(new OrderPlacement(InstrumentSymbol.Parse("ADAUSDT"), Domain.Trading.OrderSide.Buy, IsMarket: true, 100m, "latency-1"), TestContext.Current.CancellationToken);
            order.Stop();

            // A lower bound only (the venue must not answer before its latency); how much longer a loaded machine takes is not
            // asserted. The stopwatch and the venue's timer read different clocks: a few milliseconds of slack, not a 0 ms answer.
            Assert.True(order.Elapsed >= TimeSpan.FromMilliseconds(400 - 10), $"the order was answered after {order.Elapsed.TotalMilliseconds} ms");
        }
        finally
        {
            await RunningSimulator.StopAsync(app);
        }
    }
}
