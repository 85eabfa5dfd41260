using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Matching.MatchingFixture;

namespace BreakoutBot.Domain.Tests.Matching;

public class MatchingEngineTests
{
    private static MatchingEngine EngineWithBook(MatchingOptions? options = null, decimal position = 0)
    {
        var engine = Engine(options, position);
        engine.OnOrderBook(ThreeLevelBook());
        return engine;
    }

    [Fact]
    public void Submit_MarketBuyWalksThreeLevels_ExactAveragePriceAndTakerFees()
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Market("m1", OrderSide.Buy, 2.5m), T0);

        var fills = result.Fills().ToList();
        Assert.Equal([100.0m, 100.1m, 100.2m], fills.Select(static f => f.Price));
        Assert.Equal([1m, 1m, 0.5m], fills.Select(static f => f.Quantity));
        Assert.All(fills, static f => Assert.Equal(LiquidityRole.Taker, f.Liquidity));
        Assert.Equal(0.1251m, fills.Sum(static f => f.Fee));
        Assert.Equal(OrderStatus.Filled, result.Order!.Status);
        Assert.Equal(100.08m, result.Order.AverageFillPrice);
        Assert.Equal(0.1251m, result.Order.CumulativeFee);
        Assert.Equal(2.5m, engine.Position);
    }

    [Fact]
    public void Submit_MarketBuyWithPriceBand_TakesOnlyLevelsWithinTheBandAndCancelsTheRest()
    {
        var engine = Engine(new MatchingOptions { Fees = Fees, MarketPriceBandFraction = 0.015m });
        engine.OnMarkPrice(100m, T0);
        engine.OnOrderBook(Book(T0, [(99.9m, 1m)], [(100.0m, 1m), (101.0m, 1m), (103.0m, 5m)]));

        var result = engine.Submit(Market("band", OrderSide.Buy, 3m), T0);

        Assert.Equal([100.0m, 101.0m], result.Fills().Select(static f => f.Price));
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(2m, engine.Position);
    }

    [Fact]
    public void Submit_MarketSellWithoutBand_WalksEveryLevel()
    {
        var engine = Engine();
        engine.OnMarkPrice(100m, T0);
        engine.OnOrderBook(Book(T0, [(99.9m, 1m), (97.0m, 1m)], [(100.0m, 1m)]));

        var result = engine.Submit(Market("no-band", OrderSide.Sell, 2m), T0);

        Assert.Equal([99.9m, 97.0m], result.Fills().Select(static f => f.Price));
    }

    [Fact]
    public void Submit_MarketBeyondDepth_PartialFillThenRestCancelled()
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Market("m1", OrderSide.Sell, 4m), T0);

        Assert.Equal(3m, result.Fills().Sum(static f => f.Quantity));
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(OrderCancelReason.NoImmediateQuantityToFill, result.Order.CancelReason);
        Assert.Equal(3m, result.Order.FilledQuantity);
        Assert.Equal(0m, result.Order.LeavesQuantity);
        Assert.Equal(-3m, engine.Position);
        Assert.Equal(
            [OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Cancelled],
            result.Events.OfType<OrderUpdated>().Select(static e => e.Order.Status));
    }

    [Fact]
    public void Submit_SecondMarketOrder_SeesLiquidityTheFirstTook()
    {
        var engine = EngineWithBook();

        engine.Submit(Market("m1", OrderSide.Buy, 1m), T0);
        var second = engine.Submit(Market("m2", OrderSide.Buy, 1m), T0);

        Assert.Equal(100.1m, Assert.Single(second.Fills()).Price);
    }

    [Fact]
    public void Submit_MarketWithSlippage_PaysWorsePriceOnTick()
    {
        var engine = EngineWithBook(new MatchingOptions { Fees = Fees, MarketSlippageBps = 10m });

        var result = engine.Submit(Market("m1", OrderSide.Buy, 1m), T0);

        Assert.Equal(100.1m, Assert.Single(result.Fills()).Price);
    }

    [Fact]
    public void Submit_MarketWithoutBook_CancelledUnfilled()
    {
        var result = Engine().Submit(Market("m1", OrderSide.Buy, 1m), T0);

        Assert.Empty(result.Fills());
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
    }

    [Fact]
    public void Submit_FillOrKillNotFillable_NothingFilled()
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Limit("f1", OrderSide.Buy, 2m, 100.0m, TimeInForce.FillOrKill), T0);

        Assert.Empty(result.Fills());
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(OrderCancelReason.FillOrKillNotFillable, result.Order.CancelReason);
        Assert.Equal(0m, engine.Position);
    }

    [Fact]
    public void Submit_FillOrKillFillable_FilledCompletely()
    {
        var result = EngineWithBook().Submit(Limit("f1", OrderSide.Buy, 2m, 100.1m, TimeInForce.FillOrKill), T0);

        Assert.Equal(OrderStatus.Filled, result.Order!.Status);
        Assert.Equal(100.05m, result.Order.AverageFillPrice);
    }

    [Fact]
    public void Submit_ImmediateOrCancel_FillsCrossingDepthAndCancelsRest()
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Limit("i1", OrderSide.Buy, 2m, 100.0m, TimeInForce.ImmediateOrCancel), T0);

        Assert.Equal(1m, Assert.Single(result.Fills()).Quantity);
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(1m, result.Order.FilledQuantity);
        Assert.Empty(engine.OpenOrders);
    }

    [Fact]
    public void Submit_GoodTillCancelCrossing_TakesDepthThenRestsRemainder()
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Limit("g1", OrderSide.Buy, 2m, 100.0m), T0);

        Assert.Equal(OrderStatus.PartiallyFilled, result.Order!.Status);
        Assert.Equal(1m, result.Order.LeavesQuantity);
        Assert.Single(engine.OpenOrders);
    }

    [Fact]
    public void Submit_PostOnlyCrossing_CancelledWithPostOnlyReason()
    {
        var result = EngineWithBook().Submit(Limit("p1", OrderSide.Buy, 1m, 100.0m, TimeInForce.PostOnly), T0);

        Assert.Empty(result.Fills());
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Status);
        Assert.Equal(OrderCancelReason.PostOnlyWouldTakeLiquidity, result.Order.CancelReason);
    }

    [Fact]
    public void Submit_PostOnlyBehindTouch_Rests()
    {
        var result = EngineWithBook().Submit(Limit("p1", OrderSide.Buy, 1m, 99.9m, TimeInForce.PostOnly), T0);

        Assert.Equal(OrderStatus.New, result.Order!.Status);
    }

    [Fact]
    public void OnTrade_TradeThroughRestingBuy_FillsAsMakerAtLimit()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Buy, 1m, 99.5m), T0);

        var events = engine.OnTrade(Trade(T0.AddSeconds(1), 99.4m, 2m, TakerSide.Sell));

        var fill = Assert.Single(events.Fills());
        Assert.Equal(LiquidityRole.Maker, fill.Liquidity);
        Assert.Equal(99.5m, fill.Price);
        Assert.Equal(0.0199m, fill.Fee);
        Assert.Equal(OrderStatus.Filled, engine.FindOrder(Id("r1"))!.Status);
    }

    [Fact]
    public void OnTrade_AtPriceWithoutQueueShare_NoFill()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Buy, 1m, 99.5m), T0);

        Assert.Empty(engine.OnTrade(Trade(T0.AddSeconds(1), 99.5m, 5m, TakerSide.Sell)).Fills());
    }

    [Fact]
    public void OnTrade_AtPriceWithQueueShare_FillsThatShare()
    {
        var engine = EngineWithBook(new MatchingOptions { Fees = Fees, QueueShareAtPrice = 0.25m });
        engine.Submit(Limit("r1", OrderSide.Sell, 1m, 100.5m), T0);

        var events = engine.OnTrade(Trade(T0.AddSeconds(1), 100.5m, 2m, TakerSide.Buy));

        Assert.Equal(0.5m, Assert.Single(events.Fills()).Quantity);
        Assert.Equal(OrderStatus.PartiallyFilled, engine.FindOrder(Id("r1"))!.Status);
    }

    [Fact]
    public void OnTrade_SameTradeTwice_FillsOnce()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Buy, 3m, 99.5m), T0);
        var trade = Trade(T0.AddSeconds(1), 99.4m, 1m, TakerSide.Sell);

        engine.OnTrade(trade);
        var again = engine.OnTrade(trade);

        Assert.Empty(again);
        Assert.Equal(1m, engine.FindOrder(Id("r1"))!.FilledQuantity);
    }

    [Fact]
    public void OnOrderBook_NewBookCrossesRestingSell_FillsAsMakerAtLimit()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Sell, 2m, 100.5m), T0);

        var events = engine.OnOrderBook(Book(T0.AddSeconds(1), [(100.6m, 0.5m), (100.5m, 3m)], [(100.8m, 1m)]));

        var fills = events.Fills().ToList();
        Assert.Equal([0.5m, 1.5m], fills.Select(static f => f.Quantity));
        Assert.All(fills, static f => Assert.Equal(100.5m, f.Price));
        Assert.All(fills, static f => Assert.Equal(LiquidityRole.Maker, f.Liquidity));
    }

    [Fact]
    public void OnTrade_StopMarket_TriggersOnCrossingAndNotBefore()
    {
        var engine = EngineWithBook(position: 1m);
        var stop = Market("sl", OrderSide.Sell, 1m, reduceOnly: true) with { Trigger = new OrderTrigger(99.0m, TriggerDirection.FallsTo, TriggerSource.LastPrice) };
        engine.OnTrade(Trade(T0, 99.9m, 1m, TakerSide.Buy));
        Assert.Equal(OrderStatus.Untriggered, engine.Submit(stop, T0).Order!.Status);

        var before = engine.OnTrade(Trade(T0.AddSeconds(1), 99.1m, 1m, TakerSide.Sell));
        engine.OnOrderBook(Book(T0.AddSeconds(2), [(98.9m, 5m)], [(99.0m, 5m)]));
        var crossing = engine.OnTrade(Trade(T0.AddSeconds(3), 99.0m, 1m, TakerSide.Sell));

        Assert.Empty(before);
        Assert.Equal(
            [OrderStatus.Triggered, OrderStatus.New, OrderStatus.Filled],
            crossing.OfType<OrderUpdated>().Where(static e => e.Order.ClientOrderId == Id("sl")).Select(static e => e.Order.Status));
        Assert.Equal(98.9m, Assert.Single(crossing.Fills()).Price);
        Assert.Equal(0m, engine.Position);
    }

    [Fact]
    public void OnMarkPrice_StopByMark_IgnoresLastPrice()
    {
        var engine = EngineWithBook();
        var stop = Limit("buy-stop", OrderSide.Buy, 1m, 100.2m) with { Trigger = new OrderTrigger(100.0m, TriggerDirection.RisesTo, TriggerSource.MarkPrice) };
        engine.OnMarkPrice(99.5m, T0);
        engine.Submit(stop, T0);

        var byLast = engine.OnTrade(Trade(T0.AddSeconds(1), 100.1m, 1m, TakerSide.Buy));
        var byMark = engine.OnMarkPrice(100.0m, T0.AddSeconds(2));

        Assert.DoesNotContain(byLast.OfType<OrderUpdated>(), static e => e.Order.Status == OrderStatus.Triggered);
        Assert.Equal(1m, byMark.Fills().Sum(static f => f.Quantity));
    }

    [Fact]
    public void Submit_TriggerAlreadyReached_Rejected()
    {
        var engine = EngineWithBook();
        engine.OnTrade(Trade(T0, 98m, 1m, TakerSide.Sell));
        var stop = Market("s1", OrderSide.Sell, 1m) with { Trigger = new OrderTrigger(99m, TriggerDirection.FallsTo, TriggerSource.LastPrice) };

        var result = engine.Submit(stop, T0);

        Assert.Equal(OrderStatus.Rejected, result.Order!.Status);
        Assert.Equal(OrderRejectReason.TriggerAlreadyReached, result.Order.RejectReason);
    }

    [Fact]
    public void Submit_DuplicateClientOrderId_RejectedAndFirstOrderUnchanged()
    {
        var engine = EngineWithBook();
        var first = engine.Submit(Market("dup", OrderSide.Buy, 1m), T0);

        var second = engine.Submit(Market("dup", OrderSide.Buy, 1m), T0);

        Assert.False(second.IsAccepted);
        Assert.Equal(OrderRejectReason.DuplicateClientOrderId, second.Rejection!.Reason);
        Assert.Equal(110072, second.Rejection.BybitRetCode);
        Assert.Same(first.Order, second.Order);
        Assert.Empty(second.Events);
        Assert.Equal(1m, engine.Position);
    }

    [Theory]
    [InlineData(0.0015, 100.0, InstrumentRuleViolation.QuantityNotOnLotStep, 10001)]
    [InlineData(1.0, 100.05, InstrumentRuleViolation.PriceNotOnTick, 10001)]
    [InlineData(0.01, 100.0, InstrumentRuleViolation.NotionalBelowMinimum, 110094)]
    [InlineData(101.0, 100.0, InstrumentRuleViolation.QuantityAboveMaximum, 10001)]
    public void Submit_BreaksInstrumentRule_RejectedWithViolation(decimal quantity, decimal price, InstrumentRuleViolation violation, int retCode)
    {
        var engine = EngineWithBook();

        var result = engine.Submit(Limit("bad", OrderSide.Buy, quantity, price), T0);

        Assert.Null(result.Order);
        Assert.Equal(OrderRejectReason.InstrumentRuleViolated, result.Rejection!.Reason);
        Assert.Equal(violation, result.Rejection.Violation);
        Assert.Equal(retCode, result.Rejection.BybitRetCode);
        Assert.Null(engine.FindOrder(Id("bad")));
    }

    [Fact]
    public void Submit_LimitWithoutPrice_Rejected()
    {
        var request = new OrderRequest(Id("x"), Symbol, OrderSide.Buy, OrderType.Limit, 1m);

        Assert.Equal(OrderRejectReason.InvalidOrderParameters, EngineWithBook().Submit(request, T0).Rejection!.Reason);
    }

    [Fact]
    public void Submit_ReduceOnlyLargerThanPosition_CappedToPosition()
    {
        var engine = EngineWithBook(position: 1.5m);

        var result = engine.Submit(Market("ro", OrderSide.Sell, 3m, reduceOnly: true), T0);

        Assert.Equal(1.5m, result.Order!.Quantity);
        Assert.Equal(OrderStatus.Filled, result.Order.Status);
        Assert.Equal(0m, engine.Position);
    }

    [Fact]
    public void Submit_ReduceOnlyOnSameSideAsPosition_Refused110017AndNothingCreated()
    {
        var engine = EngineWithBook(position: 1m);

        var result = engine.Submit(Market("ro", OrderSide.Buy, 1m, reduceOnly: true), T0);

        Assert.Null(result.Order);
        Assert.Equal(OrderRejectReason.ReduceOnlyWouldIncreasePosition, result.Rejection!.Reason);
        Assert.Equal(110017, result.Rejection.BybitRetCode);
        Assert.Null(engine.FindOrder(new ClientOrderId("ro")));
        Assert.Equal(1m, engine.Position);
    }

    [Fact]
    public void Submit_ReduceOnlyWithLatencyAndNoPosition_RejectedWhenItArrives()
    {
        var engine = EngineWithBook(new MatchingOptions { Fees = Fees, Latency = TimeSpan.FromMilliseconds(100) });

        var accepted = engine.Submit(Market("ro", OrderSide.Sell, 1m, reduceOnly: true), T0);
        engine.AdvanceTo(T0.AddSeconds(1));

        Assert.Null(accepted.Rejection);
        Assert.Equal(OrderStatus.Rejected, engine.FindOrder(new ClientOrderId("ro"))!.Status);
        Assert.Equal(0m, engine.Position);
    }

    [Fact]
    public void Submit_WithLatency_ActiveOnlyAfterLatency()
    {
        var engine = EngineWithBook(new MatchingOptions { Fees = Fees, Latency = TimeSpan.FromMilliseconds(100) });

        var submitted = engine.Submit(Market("m1", OrderSide.Buy, 1m), T0);
        var early = engine.AdvanceTo(T0.AddMilliseconds(99));
        var arrived = engine.AdvanceTo(T0.AddMilliseconds(100));

        Assert.Equal(OrderStatus.Submitted, submitted.Order!.Status);
        Assert.Empty(submitted.Events);
        Assert.Empty(early);
        Assert.Equal(T0.AddMilliseconds(100), Assert.Single(arrived.Fills()).ExecutedAt);
        Assert.Equal(1m, engine.Position);
    }

    [Fact]
    public void Submit_WithLatency_MatchesTheBookAtArrival()
    {
        var engine = EngineWithBook(new MatchingOptions { Fees = Fees, Latency = TimeSpan.FromMilliseconds(100) });
        engine.Submit(Limit("i1", OrderSide.Buy, 1m, 100.0m, TimeInForce.ImmediateOrCancel), T0);

        engine.OnOrderBook(Book(T0.AddMilliseconds(50), [(100.3m, 1m)], [(100.4m, 1m)]));
        var arrived = engine.AdvanceTo(T0.AddMilliseconds(100));

        Assert.Empty(arrived.Fills());
        Assert.Equal(OrderStatus.Cancelled, engine.FindOrder(Id("i1"))!.Status);
    }

    [Fact]
    public void Cancel_RestingOrder_CancelledThenSecondCancelRefused()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Buy, 1m, 99.0m), T0);

        var cancelled = engine.Cancel(Id("r1"), T0);
        var again = engine.Cancel(Id("r1"), T0);
        var unknown = engine.Cancel(Id("nope"), T0);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Equal(OrderRejectReason.OrderNotOpen, again.Rejection!.Reason);
        Assert.Equal(OrderRejectReason.OrderNotFound, unknown.Rejection!.Reason);
        Assert.Empty(engine.OnTrade(Trade(T0.AddSeconds(1), 98m, 5m, TakerSide.Sell)).Fills());
    }

    [Fact]
    public void Amend_PriceAcrossBook_TradesAsTaker()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("r1", OrderSide.Buy, 1m, 99.0m), T0);

        var result = engine.Amend(new OrderAmendment(Id("r1"), LimitPrice: 100.0m), T0);

        var fill = Assert.Single(result.Fills());
        Assert.Equal(LiquidityRole.Taker, fill.Liquidity);
        Assert.Equal(OrderStatus.Filled, result.Order!.Status);
    }

    [Fact]
    public void Amend_QuantityBelowFilled_Refused()
    {
        var engine = EngineWithBook();
        engine.Submit(Limit("g1", OrderSide.Buy, 2m, 100.0m), T0);

        var result = engine.Amend(new OrderAmendment(Id("g1"), Quantity: 1m), T0);

        Assert.Equal(OrderRejectReason.InvalidOrderParameters, result.Rejection!.Reason);
        Assert.Equal(2m, engine.FindOrder(Id("g1"))!.Quantity);
    }
}
