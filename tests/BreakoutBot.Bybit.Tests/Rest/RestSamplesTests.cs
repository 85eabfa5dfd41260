using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Bybit.Tests.Resilience;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Tests.Rest;

/// <summary>Every REST sample payload through the client method (or parser) that reads it.</summary>
public sealed class RestSamplesTests
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFeeRates_Sample_MakerAndTakerAsDecimals()
    {
        var rates = await Client("account_fee-rate.json").GetFeeRatesAsync(cancellationToken: Cancellation);

        Assert.Equal(new VenueFeeRate(InstrumentSymbol.Parse("ETHUSDT"), 0.0001m, 0.0006m), Assert.Single(rates));
    }

    [Fact]
    public async Task GetWalletBalance_Sample_EquityAndAvailable()
    {
        var balance = await Client("account_wallet-balance.json").GetWalletBalanceAsync(Cancellation);

        Assert.Equal(3.31216591m, balance.Equity);
        Assert.Equal(3.00326056m, balance.Available);
    }

    [Fact]
    public async Task GetExecutions_Sample_FillWithFeeAndCursor()
    {
        var page = await Client("execution_list.json").GetExecutionsAsync(cancellationToken: Cancellation);

        var execution = Assert.Single(page.Items);
        Assert.Equal((1190.15m, 0.1m, 0.071409m, 0.0006m), (execution.Price, execution.Quantity, execution.Fee, execution.FeeRate!.Value));
        Assert.Equal((OrderSide.Buy, false, "Trade"), (execution.Side, execution.IsMaker, execution.ExecutionType));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1672282722429), execution.Time);
        Assert.Equal("132766%3A2%2C132766%3A2", page.NextPageCursor);
    }

    [Fact]
    public async Task GetOrderHistory_Sample_PostOnlyCancelledWithItsReason()
    {
        var page = await Client("order_history.json").GetOrderHistoryAsync(cancellationToken: Cancellation);

        var order = Assert.Single(page.Items);
        Assert.Equal(("Cancelled", "EC_PostOnlyWillTakeLiquidity", false), (order.Status, order.Reason, order.IsOpen));
        Assert.Equal((26864.40m, 0.003m, 0m), (order.LimitPrice!.Value, order.Quantity, order.FilledQuantity));
        Assert.Null(order.AveragePrice);
        Assert.Null(order.TriggerPrice);
        Assert.NotNull(page.NextPageCursor);
    }

    [Fact]
    public async Task GetOpenOrders_Sample_RestingLimitOrder()
    {
        var orders = await Client("order_realtime.json", "order_realtime_last_page").GetOpenOrdersAsync(cancellationToken: Cancellation);

        var order = orders[0];
        Assert.Equal(("test-000005", "New", true), (order.OrderLinkId, order.Status, order.IsOpen));
        Assert.Equal((InstrumentSymbol.Parse("ETHUSDT"), OrderSide.Buy, 1600m), (order.Symbol!.Value, order.Side!.Value, order.LimitPrice!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1684738540559), order.CreatedTime);
    }

    [Theory]
    [InlineData("order_create.json", "1321003749386327552", "spot-test-postonly")]
    [InlineData("order_amend.json", "c6f055d9-7f21-4079-913d-e6523a9cfffa", "linear-004")]
    public async Task Acks_Samples_OrderIdAndLinkId(string sample, string orderId, string linkId)
    {
        var client = Client(sample);

        var ack = sample == "order_amend.json"
            ? await client.AmendOrderAsync(new OrderChange(Btc, linkId, Quantity: 1m), Cancellation)
            : new OrderAck(await client.PlaceOrderAsync(new OrderPlacement(Btc, OrderSide.Buy, true, 1m, linkId), Cancellation), linkId);

        Assert.Equal(new OrderAck(orderId, linkId), ack);
    }

    [Fact]
    public async Task CancelOrder_Sample_Ack()
    {
        var ack = await Client("order_cancel.json").CancelOrderAsync(Btc, "any", Cancellation);

        Assert.False(string.IsNullOrEmpty(ack.OrderId));
    }

    [Fact]
    public async Task CancelAll_Sample_TwoOrders()
    {
        var acks = await Client("order_cancel-all.json").CancelAllOrdersAsync(cancellationToken: Cancellation);

        Assert.Equal(["1616024329462743809", "1616024287544869633"], acks.Select(ack => ack.OrderLinkId));
    }

    [Fact]
    public async Task GetPositions_OpenSample_LongWithStopLossAndNoTakeProfit()
    {
        var position = Assert.Single(await Client("position_list_linear_open.json").GetPositionsAsync(Cancellation));

        Assert.Equal((Btc, PositionDirection.Long, 0.010m, 66000m), (position.Symbol, position.Direction, position.Size, position.AveragePrice));
        Assert.Equal((65200.0m, (decimal?)null, 10m), (position.StopLoss!.Value, position.TakeProfit, position.Leverage!.Value));
        Assert.Equal(6.6802m, position.UnrealisedPnl);
    }

    [Theory]
    [InlineData("position_list_linear_flat.json")]
    public async Task GetPositions_FlatSample_NoPosition(string sample)
    {
        Assert.Empty(await Client(sample).GetPositionsAsync(Cancellation));
    }

    [Fact]
    public async Task GetPositions_InverseDocsSample_ParsesItsRows()
    {
        var positions = await Client("position_list_docs_inverse.json").GetPositionsAsync(Cancellation);

        Assert.All(positions, position => Assert.True(position.Size > 0));
    }

    [Fact]
    public async Task SetLeverage_Sample_Changed()
    {
        Assert.True(await Client("position_set-leverage.json").SetLeverageAsync(Btc, 10m, Cancellation));
    }

    [Fact]
    public async Task SetLeverage_SameValue110043_IsNotAFailure()
    {
        Assert.False(await Client("error_110043.json").SetLeverageAsync(Btc, 10m, Cancellation));
    }

    [Fact]
    public async Task SetTradingStop_Sample_Accepted()
    {
        await Client("position_trading-stop.json").SetTradingStopAsync(new PositionStops(Btc, StopLoss: 65_000m), Cancellation);
    }

    [Fact]
    public async Task ServerTime_Sample_Nanoseconds()
    {
        var time = await new BybitMarketClient(Http("market_time.json"), TimeProvider.System).GetServerTimeAsync(Cancellation);

        Assert.Equal(1688639403, time.ToUnixTimeSeconds());
    }

    [Fact]
    public void InverseAndSpotDocsSamples_ParseWithTheLinearParsers()
    {
        var tickers = MarketDataParsers.ParseTickers(Sample("market_tickers_docs_inverse.json").Result, DateTimeOffset.UnixEpoch);
        var candles = MarketDataParsers.ParseKlines(Sample("market_kline_docs_inverse.json").Result, CandleInterval.FiveMinutes, DateTimeOffset.UtcNow);
        var trades = MarketDataParsers.ParseRecentTrades(Sample("market_recent-trade_docs_spot.json").Result);

        Assert.Equal(120635.50m, tickers[0].LastPrice);
        Assert.NotEmpty(candles);
        Assert.Equal((16618.49m, 0.00012m), (trades[0].Price, trades[0].Size));
    }

    [Fact]
    public void OpenInterest_BybitShape_OldestFirst()
    {
        var envelope = V5Envelope.Parse("""{"retCode":0,"retMsg":"OK","result":{"symbol":"BTCUSDT","category":"linear","list":[{"openInterest":"461134384.00","timestamp":"1669571700000"},{"openInterest":"461134292.00","timestamp":"1669571400000"}],"nextPageCursor":""},"time":1}""");

        var points = TradingParsers.ParseOpenInterest(envelope.Result);

        Assert.Equal([461134292.00m, 461134384.00m], points.Select(point => point.OpenInterest));
    }

    private static V5Envelope Sample(string name) => V5Envelope.Parse(Read(name));

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "rest", name));

    /// <summary>A client whose venue answers with the sample; for a paged sample, the second answer ends the paging.</summary>
    private static BybitPrivateClient Client(string sample, string? lastPage = null) =>
        new(Http(sample, lastPage), new BybitCredentials("test-key", "test-secret"), TimeProvider.System);

#pragma warning disable CA2000 // The HttpClient owns the handler; a test client lives as long as the test.
    private static HttpClient Http(string sample, string? lastPage = null) =>
        new(lastPage is null
            ? new ScriptedHandler(ScriptedHandler.Json(Read(sample)))
            : new ScriptedHandler(ScriptedHandler.Json(Read(sample)), ScriptedHandler.Ok("""{"category":"linear","nextPageCursor":"","list":[]}""")))
        {
            BaseAddress = new Uri("http://venue"),
        };
#pragma warning restore CA2000
}
