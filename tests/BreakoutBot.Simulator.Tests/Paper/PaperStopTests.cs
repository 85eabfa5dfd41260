using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>Paper-mode orders that wait for the upstream's prices to move (the upstream closes a bar every half second).</summary>
public sealed class PaperStopTests(MovingPaperVenue venue) : IClassFixture<MovingPaperVenue>
{
    /// <summary>
    /// How far from the market stops and resting limits go: the upstream's market moves with every print, so far enough
    /// not to be crossed while we place them, near enough to be crossed within a few bars.
    /// </summary>
    private const decimal Distance = 0.003m;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TradingStop_UpstreamPriceCrossesStopOrTarget_PaperPositionClosedByTheVenue()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        var paper = venue.Private(venue.PaperAddress);
        var instrument = (await venue.Market(venue.PaperAddress).GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == btc);
        await paper.PlaceOrderOnceAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, instrument.MinOrderQty, "paper-stop-open"), Cancellation);
        await SetStopsAroundTheMarkAsync(paper, instrument);

        await UntilAsync(async () => await paper.GetPositionAsync(btc, Cancellation) is null, "the position closed by its stop or target");
        var closing = (await paper.GetOrderHistoryAsync(btc, cancellationToken: Cancellation)).Items.First(order => order.OrderLinkId != "paper-stop-open");

        Assert.True(closing.CreateType is "CreateByStopLoss" or "CreateByTakeProfit", closing.CreateType);
        Assert.Equal(("Filled", instrument.MinOrderQty), (closing.Status, closing.FilledQuantity));
        Assert.Empty(venue.UpstreamExchange.OrderHistory(null));
    }

    [Fact]
    public async Task RestingLimits_UpstreamBookMovesThroughOne_ItFillsAsMakerAtItsOwnPrice()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        var paper = venue.Private(venue.PaperAddress);
        var instrument = (await venue.Market(venue.PaperAddress).GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == eth);
        var book = await venue.Market(venue.UpstreamAddress).GetOrderBookAsync(eth, 1, Cancellation);
        var quantity = instrument.MinOrderQty * Math.Max(1, decimal.Ceiling(2 * instrument.MinNotionalValue / book.BestBid!.Value.Price / instrument.MinOrderQty));
        var buy = new OrderPlacement(eth, OrderSide.Buy, false, quantity, "paper-rest-buy", LimitPrice: instrument.RoundPriceToTick(book.BestBid!.Value.Price * (1 - Distance)));
        var sell = new OrderPlacement(eth, OrderSide.Sell, false, quantity, "paper-rest-sell", LimitPrice: instrument.RoundPriceToTick(book.BestAsk!.Value.Price * (1 + Distance)));
        await paper.PlaceOrderAsync(buy, Cancellation);
        await paper.PlaceOrderAsync(sell, Cancellation);

        VenueOrder? filled = null;
        await UntilAsync(
            async () => (filled = (await paper.GetOrderHistoryAsync(eth, cancellationToken: Cancellation)).Items.FirstOrDefault(order => order.Status == "Filled")) is not null,
            "one of the resting limits filled");
        var execution = (await paper.GetExecutionsAsync(eth, filled!.OrderId, cancellationToken: Cancellation)).Items.Single();

        var placed = filled.OrderLinkId == buy.OrderLinkId ? buy : sell;
        Assert.Equal((placed.LimitPrice, quantity, true), (execution.Price, execution.Quantity, execution.IsMaker));
        Assert.Empty(venue.UpstreamExchange.OrderHistory(null));
    }

    /// <summary>Stop and target <see cref="Distance"/> from the mark (a bar moves about 0.2 %); set again if the mark moved past one meanwhile.</summary>
    private static async Task SetStopsAroundTheMarkAsync(BybitPrivateClient paper, Instrument instrument)
    {
        for (var attempt = 1; ; attempt++)
        {
            var mark = (await paper.GetPositionAsync(instrument.Symbol, Cancellation))!.MarkPrice!.Value;
            var stops = new PositionStops(
                instrument.Symbol,
                TakeProfit: instrument.RoundPriceToTick(mark * (1 + Distance)),
                StopLoss: instrument.RoundPriceToTick(mark * (1 - Distance)),
                TriggerBy: TriggerSource.LastPrice);
            try
            {
                await paper.SetTradingStopAsync(stops, Cancellation);
                return;
            }
            catch (BybitApiException) when (attempt < 10)
            {
                // The price moved between reading the mark and setting the stops.
            }
        }
    }
}
