using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>The rest of the trading endpoints, client against simulator over a real socket. Each test uses its own symbol.</summary>
public sealed class TradingEndpointsTests(VenueSimulator venue) : IClassFixture<VenueSimulator>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BybitPrivateClient Client { get; } = venue.PrivateClient();

    private BybitMarketClient Market { get; } = venue.MarketClient();

    [Fact]
    public async Task InstrumentPages_TenPerPage_FourPagesWithEverySymbolOnce()
    {
        var symbols = new List<InstrumentSymbol>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await Market.GetInstrumentPageAsync(10, cursor, Cancellation);
            symbols.AddRange(page.Instruments.Select(instrument => instrument.Symbol));
            cursor = page.NextPageCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(32, symbols.Distinct().Count());
    }

    [Fact]
    public async Task InstrumentPages_UnknownCursor_IsRetCode10001()
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Market.GetInstrumentPageAsync(10, "not-a-cursor", Cancellation));

        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task OpenInterest_FiveMinutes_OldestFirstOnBarClosesAndPositive()
    {
        var points = await Market.GetOpenInterestAsync(InstrumentSymbol.Parse("BTCUSDT"), "5min", 20, Cancellation);

        Assert.Equal(20, points.Count);
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.Equal(pair.First.Time.AddMinutes(5), pair.Second.Time));
        Assert.All(points, point => Assert.True(point.OpenInterest > 0));
    }

    [Theory]
    [InlineData("BTCUSDT", "7min")]
    [InlineData("NOPEUSDT", "5min")]
    public async Task OpenInterest_BadParameters_IsRetCode10001(string symbol, string interval)
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Market.GetOpenInterestAsync(InstrumentSymbol.Parse(symbol), interval, 5, Cancellation));

        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task FeeRate_OneSymbol_BybitBaseTier()
    {
        var rate = Assert.Single(await Client.GetFeeRatesAsync(InstrumentSymbol.Parse("BTCUSDT"), Cancellation));

        Assert.Equal((0.0002m, 0.00055m), (rate.MakerFraction, rate.TakerFraction));
        Assert.Equal(32, (await Client.GetFeeRatesAsync(cancellationToken: Cancellation)).Count);
    }

    [Fact]
    public async Task FeeRate_UnknownSymbol_IsRetCode10001()
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Client.GetFeeRatesAsync(InstrumentSymbol.Parse("NOPEUSDT"), Cancellation));

        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task SetLeverage_NewThenSameValue_ChangedThenNotModified()
    {
        var symbol = InstrumentSymbol.Parse("DOTUSDT");

        Assert.True(await Client.SetLeverageAsync(symbol, 5m, Cancellation));
        Assert.False(await Client.SetLeverageAsync(symbol, 5m, Cancellation));
        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Client.SetLeverageAsync(symbol, 500m, Cancellation));
        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task Amend_RestingLimit_NewPriceAndQuantityReported()
    {
        var symbol = InstrumentSymbol.Parse("SOLUSDT");
        var far = await FarBelowMarketAsync(symbol);
        await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: false, 1m, "amend-1", LimitPrice: far, TimeInForce: "PostOnly"), Cancellation);

        var ack = await Client.AmendOrderAsync(new OrderChange(symbol, "amend-1", Quantity: 2m, LimitPrice: far - 0.01m), Cancellation);
        var amended = await Client.GetOrderAsync(symbol, "amend-1", Cancellation);

        Assert.Equal("amend-1", ack.OrderLinkId);
        Assert.Equal(("New", 2m, far - 0.01m), (amended!.Status, amended.Quantity, amended.LimitPrice!.Value));
    }

    [Fact]
    public async Task Amend_UnknownOrder_IsRetCode110001()
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(
            () => Client.AmendOrderAsync(new OrderChange(InstrumentSymbol.Parse("SOLUSDT"), "never-placed", Quantity: 1m), Cancellation));

        Assert.Equal(BybitRetCodes.OrderNotFound, exception.RetCode);
    }

    [Fact]
    public async Task Cancel_AlreadyCancelled_IsRetCode110001()
    {
        var symbol = InstrumentSymbol.Parse("AVAXUSDT");
        await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, false, 1m, "cancel-twice", LimitPrice: await FarBelowMarketAsync(symbol)), Cancellation);
        await Client.CancelOrderAsync(symbol, "cancel-twice", Cancellation);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Client.CancelOrderAsync(symbol, "cancel-twice", Cancellation));

        Assert.Equal(BybitRetCodes.OrderNotFound, exception.RetCode);
    }

    [Fact]
    public async Task OpenOrdersAndCancelAll_TwoSymbols_ListedThenAllCancelled()
    {
        var link = InstrumentSymbol.Parse("LINKUSDT");
        var ltc = InstrumentSymbol.Parse("LTCUSDT");
        await Client.PlaceOrderAsync(new OrderPlacement(link, OrderSide.Buy, false, 1m, "open-link-1", LimitPrice: await FarBelowMarketAsync(link)), Cancellation);
        await Client.PlaceOrderAsync(new OrderPlacement(link, OrderSide.Buy, false, 1m, "open-link-2", LimitPrice: await FarBelowMarketAsync(link)), Cancellation);
        await Client.PlaceOrderAsync(new OrderPlacement(ltc, OrderSide.Buy, false, 1m, "open-ltc-1", LimitPrice: await FarBelowMarketAsync(ltc)), Cancellation);

        var open = await Client.GetOpenOrdersAsync(cancellationToken: Cancellation);
        var cancelledLink = await Client.CancelAllOrdersAsync(link, Cancellation);
        var ltcStillOpen = await Client.GetOpenOrdersAsync(ltc, Cancellation);
        await Client.CancelAllOrdersAsync(cancellationToken: Cancellation);

        // What each cancel-all answered can be empty when a slow machine made the client send it again (the first
        // cancelled everything); what the venue shows afterwards cannot.
        Assert.Superset(new HashSet<string> { "open-link-1", "open-link-2", "open-ltc-1" }, open.Select(order => order.OrderLinkId).ToHashSet());
        Assert.Subset(new HashSet<string> { "open-link-1", "open-link-2" }, cancelledLink.Select(ack => ack.OrderLinkId).ToHashSet());
        Assert.Contains(ltcStillOpen, order => order.OrderLinkId == "open-ltc-1");
        Assert.Empty(await Client.GetOpenOrdersAsync(link, Cancellation));
        Assert.Empty(await Client.GetOpenOrdersAsync(ltc, Cancellation));
        var linkHistory = await Client.GetOrderHistoryAsync(link, cancellationToken: Cancellation);
        var ltcHistory = await Client.GetOrderHistoryAsync(ltc, cancellationToken: Cancellation);
        Assert.All(linkHistory.Items.Where(order => order.OrderLinkId.StartsWith("open-link-", StringComparison.Ordinal)), order => Assert.Equal("Cancelled", order.Status));
        Assert.Equal(2, linkHistory.Items.Count(order => order.OrderLinkId.StartsWith("open-link-", StringComparison.Ordinal)));
        Assert.Equal("Cancelled", ltcHistory.Items.Single(order => order.OrderLinkId == "open-ltc-1").Status);
    }

    [Fact]
    public async Task HistoryAndExecutions_MarketFill_OneFilledOrderWhoseExecutionsAddUp()
    {
        var symbol = InstrumentSymbol.Parse("BNBUSDT");
        var order = await Client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 0.50m, "fill-bnb-1"), Cancellation);

        var history = await Client.GetOrderHistoryAsync(symbol, cancellationToken: Cancellation);
        var executions = await Client.GetExecutionsAsync(symbol, order.OrderId, cancellationToken: Cancellation);

        Assert.Equal(("Filled", "CreateByUser"), (history.Items.Single().Status, history.Items.Single().CreateType));
        Assert.NotEmpty(executions.Items);
        Assert.All(executions.Items, execution => Assert.Equal(("fill-bnb-1", OrderSide.Buy, false), (execution.OrderLinkId, execution.Side, execution.IsMaker)));
        Assert.Equal(order.FilledQuantity, executions.Items.Sum(execution => execution.Quantity));
        Assert.Equal(order.Fee, executions.Items.Sum(execution => execution.Fee));
    }

    [Fact]
    public async Task OrderHistory_PageOfOne_CursorLeadsToTheNextOrder()
    {
        var symbol = InstrumentSymbol.Parse("ATOMUSDT");
        var far = await FarBelowMarketAsync(symbol);
        await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, false, 1m, "page-1", LimitPrice: far), Cancellation);
        await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, false, 1m, "page-2", LimitPrice: far), Cancellation);

        var first = await Client.GetOrderHistoryAsync(symbol, 1, cancellationToken: Cancellation);
        var second = await Client.GetOrderHistoryAsync(symbol, 1, first.NextPageCursor, Cancellation);

        Assert.Equal("page-2", first.Items.Single().OrderLinkId);
        Assert.Equal("page-1", second.Items.Single().OrderLinkId);
        Assert.Null(second.NextPageCursor);
    }

    [Fact]
    public async Task TradingStop_NoPosition_IsRetCode10001()
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(
            () => Client.SetTradingStopAsync(new PositionStops(InstrumentSymbol.Parse("FILUSDT"), StopLoss: 1m), Cancellation));

        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task TradingStop_StopLossAboveALong_IsRetCode10001()
    {
        var symbol = InstrumentSymbol.Parse("UNIUSDT");
        await Client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 1m, "wrong-side-1"), Cancellation);
        var price = await LastPriceAsync(symbol);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Client.SetTradingStopAsync(new PositionStops(symbol, StopLoss: price * 2), Cancellation));

        Assert.Equal(BybitRetCodes.ParameterError, exception.RetCode);
    }

    [Fact]
    public async Task TradingStop_PriceCrossesStopOrTarget_VenueClosesThePositionWithAReduceOnlyMarketOrder()
    {
        var symbol = InstrumentSymbol.Parse("ETHUSDT");
        await Client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 0.10m, "tpsl-entry-1"), Cancellation);
        await SetTightStopsAsync(symbol, tick: 0.01m);

        await Until.TrueAsync(async () => await Client.GetPositionAsync(symbol, Cancellation) is null);
        var history = await Client.GetOrderHistoryAsync(symbol, cancellationToken: Cancellation);

        var close = Assert.Single(history.Items, order => order.CreateType is "CreateByStopLoss" or "CreateByTakeProfit");
        Assert.Equal(("Filled", true, OrderSide.Sell, "Market"), (close.Status, close.ReduceOnly, close.Side!.Value, close.OrderType));
        Assert.Equal(close.CreateType == "CreateByStopLoss" ? "StopLoss" : "TakeProfit", close.StopOrderType);
        Assert.Equal(0.10m, close.FilledQuantity);
    }

    [Fact]
    public async Task TradingStop_Set_ThePositionShowsItsStopAndTarget()
    {
        var symbol = InstrumentSymbol.Parse("NEARUSDT");
        await Client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 10m, "tpsl-shown-1"), Cancellation);
        var price = await LastPriceAsync(symbol);
        var (stop, target) = (OnTick(price * 0.5m, 0.001m), OnTick(price * 1.5m, 0.001m));

        await Client.SetTradingStopAsync(new PositionStops(symbol, TakeProfit: target, StopLoss: stop), Cancellation);
        var position = await Client.GetPositionAsync(symbol, Cancellation);

        Assert.Equal((stop, target), (position!.StopLoss, position.TakeProfit));
        await Client.PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Sell, IsMarket: true, 10m, "tpsl-shown-2", ReduceOnly: true), Cancellation);
    }

    [Fact]
    public async Task ConditionalOrders_HeldUntriggeredUntilThePriceCrosses_ThenFilled()
    {
        var symbol = InstrumentSymbol.Parse("XRPUSDT");
        var placed = await PlaceStraddleAsync(symbol, tick: 0.0001m);

        var fired = await Until.ValueAsync(async () =>
            (await Client.GetOrderHistoryAsync(symbol, cancellationToken: Cancellation)).Items.FirstOrDefault(order => placed.Contains(order.OrderLinkId) && order.Status == "Filled"));
        var both = (await Client.GetOrderHistoryAsync(symbol, cancellationToken: Cancellation)).Items.Where(order => placed.Contains(order.OrderLinkId)).ToList();

        // Each stop either still waits, filled only once the price had crossed its trigger, or (on a machine slow enough
        // that the market passed the trigger before the order arrived) was rejected for that; judged from the venue's
        // records, not from a read a slow machine could make after the market has already moved.
        Assert.Equal(2, both.Count);
        Assert.All(both, order =>
        {
            Assert.Equal("Stop", order.StopOrderType);
            Assert.True(order.Status is "Untriggered" or "Filled" || (order.Status == "Rejected" && order.Reason == "TriggerAlreadyReached"), $"{order.Status} {order.Reason}");
            if (order.Status == "Filled")
            {
                Assert.True(order.Side == OrderSide.Buy ? order.AveragePrice >= order.TriggerPrice : order.AveragePrice <= order.TriggerPrice, $"{order.Side} stop at {order.TriggerPrice} filled at {order.AveragePrice}");
            }
        });
        Assert.Equal(fired.Side == OrderSide.Buy ? 1 : 2, fired.TriggerDirection);
        Assert.Equal(100m, fired.FilledQuantity);
    }

    /// <summary>
    /// How far from the price tight stops go: far enough that the market (which moves with every print) does not cross
    /// them between our placing and reading them, near enough that it does within a few bars.
    /// </summary>
    private const decimal Offset = 0.003m;

    /// <summary>
    /// A buy stop just above and a sell stop just below the price: one of them fires within a few bars. The price may
    /// move between reading it and placing, which the venue refuses (10001); then try again at the new price. Returns
    /// the two orderLinkIds.
    /// </summary>
    private async Task<string[]> PlaceStraddleAsync(InstrumentSymbol symbol, decimal tick)
    {
        for (var attempt = 1; ; attempt++)
        {
            var price = await LastPriceAsync(symbol);
            var offset = OnTick(price * Offset, tick) + tick;
            try
            {
                await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, true, 100m, $"stop-up-{attempt}", TriggerPrice: price + offset, TriggerDirection: TriggerDirection.RisesTo), Cancellation);
                await Client.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Sell, true, 100m, $"stop-down-{attempt}", TriggerPrice: price - offset, TriggerDirection: TriggerDirection.FallsTo), Cancellation);
                return [$"stop-up-{attempt}", $"stop-down-{attempt}"];
            }
            catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.ParameterError && attempt < 10)
            {
                await Client.CancelAllOrdersAsync(symbol, Cancellation);
            }
        }
    }

    private async Task SetTightStopsAsync(InstrumentSymbol symbol, decimal tick)
    {
        for (var attempt = 1; ; attempt++)
        {
            var price = await LastPriceAsync(symbol);
            var offset = OnTick(price * Offset, tick) + tick;
            try
            {
                await Client.SetTradingStopAsync(new PositionStops(symbol, TakeProfit: price + offset, StopLoss: price - offset), Cancellation);
                return;
            }
            catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.ParameterError && attempt < 10)
            {
                // The bar closed between reading the price and setting the stops; read it again.
            }
        }
    }

    private async Task<decimal> LastPriceAsync(InstrumentSymbol symbol) => (await Market.GetTickersAsync(symbol, Cancellation)).Single().LastPrice;

    private async Task<decimal> FarBelowMarketAsync(InstrumentSymbol symbol)
    {
        var instrument = (await Market.GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == symbol);
        return OnTick(await LastPriceAsync(symbol) * 0.6m, instrument.TickSize);
    }

    private static decimal OnTick(decimal price, decimal tick) => Math.Floor(price / tick) * tick;
}
