using System.Globalization;
using System.Text.Json;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Tests;

public class PublicMessageParserTests
{
    private static JsonElement Sample(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "ws", name))).RootElement.Clone();

    [Fact]
    public void Klines_ConfirmedPush_IsAClosedHourlyBar()
    {
        var bar = Assert.Single(PublicMessageParser.Klines(Sample("public_kline_confirmed.json")));

        Assert.Equal(CandleInterval.OneHour, bar.Interval);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1760320800000), bar.OpenTime);
        Assert.Equal(66_702.10m, bar.Close);
        Assert.True(bar.IsClosed);
    }

    [Fact]
    public void Klines_UnconfirmedPush_IsAnOpenBar()
    {
        Assert.All(PublicMessageParser.Klines(Sample("public_kline.json")), bar => Assert.False(bar.IsClosed));
    }

    [Fact]
    public void Trades_Push_ReadsTakerSideSizeAndId()
    {
        var trade = Assert.Single(PublicMessageParser.Trades(Sample("public_trade.json")));

        Assert.Equal(("20f43950-d8dd-5b31-9112-a178eb6023af", TakerSide.Buy, 0.001m, 16_578.50m), (trade.TradeId, trade.TakerSide, trade.Size, trade.Price));
    }

    [Fact]
    public void Topic_ControlFrame_IsNull()
    {
        Assert.Null(PublicMessageParser.Topic(Sample("pong_public_linear.json")));
        Assert.Equal("orderbook.50.BTCUSDT", PublicMessageParser.Topic(Sample("public_orderbook50_delta.json")));
    }

    public static TheoryData<string> Scenarios() => ["sequence", "gapScenario"];

    /// <summary>Every step of the reference sequence: parse, apply, compare the whole book (or the expected refusal).</summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void OrderBook_ReferenceSequence_EveryStepMatchesExpectedBook(string scenario)
    {
        var steps = Sample("public_orderbook50_sequence_testvector.json").GetProperty(scenario).EnumerateArray().ToList();
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));

        foreach (var step in steps)
        {
            var message = PublicMessageParser.OrderBook(step.GetProperty("message"));
            var result = message.ApplyTo(book);
            var action = step.GetProperty("action").GetString();

            if (action is "reset" or "applied")
            {
                Assert.Equal(OrderBookUpdateResult.Applied, result);
                var expected = step.GetProperty("bookAfter");
                var snapshot = book.ToSnapshot()!;
                Assert.Equal(Levels(expected.GetProperty("b")), snapshot.Bids);
                Assert.Equal(Levels(expected.GetProperty("a")), snapshot.Asks);
                Assert.Equal(expected.GetProperty("u").GetInt64(), book.UpdateId);
            }
            else
            {
                Assert.NotEqual(OrderBookUpdateResult.Applied, result);
                Assert.False(book.IsSynchronized);
            }
        }
    }

    private static PriceLevel[] Levels(JsonElement levels) =>
        [.. levels.EnumerateArray().Select(level => new PriceLevel(
            decimal.Parse(level[0].GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(level[1].GetString()!, CultureInfo.InvariantCulture)))];
}
