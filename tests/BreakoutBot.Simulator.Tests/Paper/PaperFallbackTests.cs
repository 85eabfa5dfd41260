using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Tests.Rest;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>A Paper simulator whose upstream answers REST but whose stream cannot be reached.</summary>
public sealed class PaperFallbackTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarketBuy_UpstreamStreamUnreachable_FillsAtTheUpstreamsRestBook()
    {
        var (upstreamApp, upstream) = await PaperVenueBase.StartAsync(["--Simulator:Speed=0.01", "--Simulator:HistoryBars=400"]);
        var (paperApp, paper) = await PaperVenueBase.StartAsync(
        [
            "--Simulator:Mode=Paper",
            $"--Simulator:Upstream:RestUrl={upstream}",
            "--Simulator:Upstream:PublicStream=ws://127.0.0.1:1/v5/public/linear",
        ]);
        using var upstreamHttp = new HttpClient { BaseAddress = upstream };
        using var paperHttp = new HttpClient { BaseAddress = paper };
        try
        {
            var sol = InstrumentSymbol.Parse("SOLUSDT");
            var paperMarket = new BybitMarketClient(paperHttp, TimeProvider.System);
            await UntilAsync(async () => (await paperMarket.GetInstrumentsAsync(Cancellation)).Count > 0, "instruments loaded from the upstream");
            var instrument = (await paperMarket.GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == sol);
            var bestAsk = (await new BybitMarketClient(upstreamHttp, TimeProvider.System).GetOrderBookAsync(sol, 50, Cancellation)).BestAsk!.Value;
            var quantity = instrument.MinOrderQty * Math.Max(1, decimal.Ceiling(2 * instrument.MinNotionalValue / bestAsk.Price / instrument.MinOrderQty));

            var order = await new BybitPrivateClient(paperHttp, VenueSimulator.Account, TimeProvider.System)
                .PlaceOrderOnceAsync(new OrderPlacement(sol, OrderSide.Buy, IsMarket: true, quantity, "paper-fallback-buy"), Cancellation);
            var askAfter = (await new BybitMarketClient(upstreamHttp, TimeProvider.System).GetOrderBookAsync(sol, 50, Cancellation)).BestAsk!.Value;

            // The upstream's market crawls (speed 0.01) but may print once between our reads: the fill is at the best ask
            // of the upstream's REST book as it stood before or after the order.
            Assert.True(quantity <= Math.Min(bestAsk.Quantity, askAfter.Quantity), "the test order must fit in the best ask");
            Assert.Equal("Filled", order.Status);
            Assert.Contains(order.AveragePrice!.Value, new[] { bestAsk.Price, askAfter.Price });
        }
        finally
        {
            await RunningSimulator.StopAsync(paperApp);
            await RunningSimulator.StopAsync(upstreamApp);
        }
    }
}
