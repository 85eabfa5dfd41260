using System.Text.Json;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Tests.WebSocket;

public class PrivateMessageParserTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.FromUnixTimeMilliseconds(1_760_325_071_600);

    private static JsonElement Sample(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "ws", name))).RootElement.Clone();

    [Fact]
    public void Parse_FilledLinearOrder_DecimalsFromStringsAndDomainStatus()
    {
        var order = Assert.IsType<OrderUpdate>(Assert.Single(PrivateMessageParser.Parse(Sample("private_order_linear_filled.json"), Received)));

        Assert.Equal(("brk-20251013-0001", OrderStatus.Filled, OrderSide.Buy, OrderType.Limit), (order.OrderLinkId, order.Status, order.Side, order.Type));
        Assert.Equal((0.010m, 66_000.0m, 0.010m, 66_000m, 0.066m), (order.Quantity, order.Price, order.FilledQuantity, order.AveragePrice, order.CumulativeFee));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_760_325_071_550), order.UpdatedAt);
        Assert.Equal(Received, order.ReceivedAt);
    }

    [Fact]
    public void Parse_NewLinearOrder_HasNoAveragePriceYet()
    {
        var order = Assert.IsType<OrderUpdate>(Assert.Single(PrivateMessageParser.Parse(Sample("private_order_linear_new.json"), Received)));

        Assert.Equal((OrderStatus.New, 0.010m, (decimal?)null), (order.Status, order.LeavesQuantity, order.AveragePrice));
    }

    [Fact]
    public void Parse_Execution_IsATakerFillTheLedgerCanBook()
    {
        var execution = Assert.IsType<ExecutionUpdate>(Assert.Single(PrivateMessageParser.Parse(Sample("private_execution.json"), Received)));
        var fill = execution.ToFill();

        Assert.Equal(("0ab1bdf7-4219-438b-b30a-32ec863018f7", OrderSide.Sell, 95_900.1m, 0.5m, 26.3725275m), (fill.ExecutionId, fill.Side, fill.Price, fill.Quantity, fill.Fee));
        Assert.Equal(LiquidityRole.Taker, fill.Liquidity);
        Assert.Equal(140_612_148_849_382, execution.Sequence);
    }

    [Fact]
    public void Parse_FlatPosition_HasNoDirection()
    {
        var position = Assert.IsType<PositionUpdate>(Assert.Single(PrivateMessageParser.Parse(Sample("private_position.json"), Received)));

        Assert.Equal(((PositionDirection?)null, 0m, -25.06579337m, 10m), (position.Direction, position.Size, position.CumulativeRealisedPnl, position.Leverage));
        Assert.Null(position.EntryPrice);
    }

    [Fact]
    public void Parse_WalletWithoutUsdtCoin_FallsBackToAccountTotals()
    {
        var wallet = Assert.IsType<WalletUpdate>(Assert.Single(PrivateMessageParser.Parse(Sample("private_wallet.json"), Received)));

        Assert.Equal((10_262.91335023m, 9_684.46297164m, 9_556.6056555m), (wallet.Equity, wallet.WalletBalance, wallet.AvailableBalance));
    }

    [Theory]
    [InlineData("""{"topic":"order","id":"x","creationTime":1,"data":[{"orderId":"a","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","orderStatus":"Exploded","qty":"1","createdTime":"1","updatedTime":"1"}]}""")]
    [InlineData("""{"topic":"order","id":"x","creationTime":1,"data":[{"orderId":"a","symbol":"BTCUSDT","side":"Up","orderType":"Limit","orderStatus":"New","qty":"1","createdTime":"1","updatedTime":"1"}]}""")]
    [InlineData("""{"topic":"execution","id":"x","creationTime":1,"data":[{"execId":"e","orderId":"a","symbol":"BTCUSDT","side":"Buy","execQty":"1","execTime":"1"}]}""")]
    [InlineData("""{"topic":"greeks","id":"x","creationTime":1,"data":[]}""")]
    public void Parse_UnknownEnumMissingFieldOrTopic_IsAFormatException(string payload)
    {
        using var document = JsonDocument.Parse(payload);

        Assert.Throws<FormatException>(() => PrivateMessageParser.Parse(document.RootElement, Received));
    }

    [Fact]
    public void TopicFamily_CategoryTopic_DropsTheCategory()
    {
        using var document = JsonDocument.Parse("""{"topic":"order.linear","data":[]}""");

        Assert.Equal("order", PrivateMessageParser.TopicFamily(document.RootElement));
    }
}
