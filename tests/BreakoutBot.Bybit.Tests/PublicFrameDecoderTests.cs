using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Tests;

/// <summary>The byte-level decoder gives exactly what the document parser gives, and refuses what it refuses.</summary>
public class PublicFrameDecoderTests
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");

    private static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "ws", name));

    [Fact]
    public void Trades_Sample_SameAsTheDocumentParser()
    {
        var frame = Bytes("public_trade.json");
        using var document = JsonDocument.Parse(frame);

        Assert.Equal(PublicMessageParser.Trades(document.RootElement), PublicFrameDecoder.Trades(frame, Btc));
    }

    [Fact]
    public void Trades_ManyInOneFrameWithUnknownFields_AllReadInOrder()
    {
        var frame = Encoding.UTF8.GetBytes("""
            {"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[
            {"T":1000,"s":"BTCUSDT","S":"Sell","v":"0.010","p":"60000.1","L":"MinusTick","i":"a","BT":false,"RPI":false,"seq":7,"new":{"x":[1,2]}},
            {"T":1001,"s":"BTCUSDT","S":"Buy","v":"1E-3","p":"60000.2","i":"b","BT":true}],"cs":5}
            """);
        using var document = JsonDocument.Parse(frame);

        var trades = PublicFrameDecoder.Trades(frame, Btc);

        Assert.Equal(PublicMessageParser.Trades(document.RootElement), trades);
        Assert.Equal([("a", TakerSide.Sell, 0.010m, false), ("b", TakerSide.Buy, 0.001m, true)], trades.Select(t => (t.TradeId, t.TakerSide, t.Size, t.IsBlockTrade)));
    }

    public static TheoryData<string> Scenarios() => ["sequence", "gapScenario"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void OrderBook_ReferenceSequence_EveryStepSameAsTheDocumentParser(string scenario)
    {
        using var vector = JsonDocument.Parse(Bytes("public_orderbook50_sequence_testvector.json"));
        foreach (var step in vector.RootElement.GetProperty(scenario).EnumerateArray())
        {
            var message = step.GetProperty("message");
            var frame = JsonSerializer.SerializeToUtf8Bytes(message);
            var expected = PublicMessageParser.OrderBook(message);

            var decoded = PublicFrameDecoder.OrderBook(frame, Btc);

            Assert.Equal((expected.Symbol, expected.IsSnapshot, expected.UpdateId, expected.Sequence, expected.Time), (decoded.Symbol, decoded.IsSnapshot, decoded.UpdateId, decoded.Sequence, decoded.Time));
            Assert.Equal(expected.Bids, decoded.Bids);
            Assert.Equal(expected.Asks, decoded.Asks);
        }
    }

    [Theory]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Hold","v":"1","p":"1","i":"x"}]}""", "Unknown taker side")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"one","p":"1","i":"x"}]}""", "'v' is not a decimal")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"ETHUSDT","S":"Buy","v":"1","p":"1","i":"x"}]}""", "for 'ETHUSDT'")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"1","p":"1"}]}""", "lacks one of")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT"}""", "has no 'data'")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,""", "LineNumber")]
    public void Trades_Malformed_RefusedWithTheReason(string frame, string reason)
    {
        var exception = Assert.ThrowsAny<Exception>(() => PublicFrameDecoder.Trades(Encoding.UTF8.GetBytes(frame), Btc));

        Assert.True(exception is FormatException or JsonException, exception.GetType().Name);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"partial","ts":1,"data":{"s":"BTCUSDT","b":[],"a":[],"u":1}}""", "Unknown order book message type")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[["1","2","3"]],"a":[],"u":1}}""", "the end of a price level")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[],"u":1}}""", "lacks one of")]
    public void OrderBook_Malformed_RefusedWithTheReason(string frame, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => PublicFrameDecoder.OrderBook(Encoding.UTF8.GetBytes(frame), Btc));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
