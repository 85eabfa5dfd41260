using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Orders from our client through the simulator's matching engine and ledger, over a real socket.</summary>
public sealed class OrderEndpointsTests(TradingSimulator simulator) : IClassFixture<TradingSimulator>, IDisposable
{
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress };

    private BybitPrivateClient Client => new(_http, SimAccount, TimeProvider.System);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarketBuy_Fills_PositionAppearsAndWalletPaysOnlyTheFee()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        var before = await Client.GetWalletBalanceAsync(Cancellation);

        var order = await Client.PlaceOrderOnceAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, 0.010m, "it-market-buy-1"), Cancellation);
        var position = (await Client.GetPositionsAsync(Cancellation)).Single(p => p.Symbol == btc);
        var after = await Client.GetWalletBalanceAsync(Cancellation);

        Assert.Equal("Filled", order.Status);
        Assert.Equal(0.010m, order.FilledQuantity);
        Assert.Equal((PositionDirection.Long, 0.010m), (position.Direction, position.Size));
        Assert.True(order.Fee > 0);
        Assert.Equal(before.Wallet - order.Fee, after.Wallet);
    }

    [Fact]
    public async Task PlaceOrderOnce_SameOrderLinkIdTwice_OneOrderOnePosition()
    {
        var sol = InstrumentSymbol.Parse("SOLUSDT");
        var placement = new OrderPlacement(sol, OrderSide.Sell, IsMarket: true, 1.0m, "it-once-1");

        var first = await Client.PlaceOrderOnceAsync(placement, Cancellation);
        var second = await Client.PlaceOrderOnceAsync(placement, Cancellation);
        var position = (await Client.GetPositionsAsync(Cancellation)).Single(p => p.Symbol == sol);

        Assert.Equal(first.OrderId, second.OrderId);
        Assert.Equal((PositionDirection.Short, 1.0m), (position.Direction, position.Size));
    }

    [Fact]
    public async Task PlaceOrder_DuplicateOrderLinkId_IsRetCode110072()
    {
        var placement = new OrderPlacement(InstrumentSymbol.Parse("LINKUSDT"), OrderSide.Buy, IsMarket: true, 1.0m, "it-dup-1");
        await Client.PlaceOrderAsync(placement, Cancellation);

        var exception = await Assert.ThrowsAsync<BybitApiException>(() => Client.PlaceOrderAsync(placement, Cancellation));

        Assert.Equal(110072, exception.RetCode);
    }

    [Fact]
    public async Task PlaceOrder_QuantityOffLotStep_IsRejectedAndNothingIsCreated()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");

        var exception = await Assert.ThrowsAsync<BybitApiException>(
            () => Client.PlaceOrderAsync(new OrderPlacement(eth, OrderSide.Buy, IsMarket: true, 0.0123m, "it-offstep-1"), Cancellation));

        Assert.NotEqual(0, exception.RetCode);
        Assert.Null(await Client.GetOrderAsync(eth, "it-offstep-1", Cancellation));
    }

    [Fact]
    public async Task ReduceOnly_WithoutPosition_Refused110017AndNeverOpensOne()
    {
        var xrp = InstrumentSymbol.Parse("XRPUSDT");

        var exception = await Assert.ThrowsAsync<BybitApiException>(
            () => Client.PlaceOrderAsync(new OrderPlacement(xrp, OrderSide.Sell, IsMarket: true, 100m, "it-reduce-1", ReduceOnly: true), Cancellation));

        Assert.Equal(110017, exception.RetCode);
        Assert.Null(await Client.GetOrderAsync(xrp, "it-reduce-1", Cancellation));
        Assert.DoesNotContain(await Client.GetPositionsAsync(Cancellation), position => position.Symbol == xrp);
    }

    [Fact]
    public async Task LimitFarFromMarket_RestsUntilCancelled()
    {
        var ada = InstrumentSymbol.Parse("ADAUSDT");
        await Client.PlaceOrderAsync(new OrderPlacement(ada, OrderSide.Buy, IsMarket: false, 1000m, "it-rest-1", LimitPrice: 0.0100m, TimeInForce: "PostOnly"), Cancellation);

        var resting = await Client.GetOrderAsync(ada, "it-rest-1", Cancellation);
        await Client.CancelOrderAsync(ada, "it-rest-1", Cancellation);
        var cancelled = await Client.GetOrderAsync(ada, "it-rest-1", Cancellation);

        Assert.Equal(("New", 0m), (resting!.Status, resting.FilledQuantity));
        Assert.Equal("Cancelled", cancelled!.Status);
    }

    public void Dispose() => _http.Dispose();
}
