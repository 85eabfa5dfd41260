using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>publicTrade.{symbol}</c>: the trades of each bar as it closes (the same trades, ids included, that
/// <c>/v5/market/recent-trade</c> reports). Nothing on subscribe: trades are events, not state.
/// </summary>
internal sealed class TradeFeed(string topic, Instrument instrument, SimulatedMarketFeed feed) : TopicFeed(topic)
{
    private const int TradesPerBar = 20;
    private const int MaxBarsPerTick = 10;
    private int _barCount = -1;

    protected override IReadOnlyList<byte[]> Advance()
    {
        var count = feed.BarCount(instrument.Symbol);
        if (count == _barCount)
        {
            return [];
        }

        var bars = feed.ClosedBars(instrument.Symbol);
        var first = Math.Max(_barCount + 1, bars.Count - MaxBarsPerTick + 1);
        var seen = _barCount;
        _barCount = bars.Count;
        if (seen < 0)
        {
            return [];
        }

        var now = feed.Now;
        var frames = new List<byte[]>();
        for (var index = first; index <= bars.Count; index++)
        {
            frames.Add(Frame(SyntheticBookAndTrades.Trades(instrument, bars[index - 1], index, TradesPerBar), index, now));
        }

        return frames;
    }

    protected override byte[]? Snapshot() => null;

    private byte[] Frame(IReadOnlyList<Trade> trades, int barIndex, DateTimeOffset now) => TradesFrame(Topic, trades, (long)barIndex * TradesPerBar, now);

    /// <summary>A publicTrade push; <c>seq</c> counts on from <paramref name="firstSequence"/> (also what the Paper relay sends).</summary>
    internal static byte[] TradesFrame(string topic, IReadOnlyList<Trade> trades, long firstSequence, DateTimeOffset now) => StreamFrames.Write(writer =>
    {
        writer.WriteString("topic", topic);
        writer.WriteString("type", "snapshot");
        writer.WriteNumber("ts", now.ToUnixTimeMilliseconds());
        writer.WriteStartArray("data");
        decimal? previous = null;
        for (var i = 0; i < trades.Count; i++)
        {
            var trade = trades[i];
            writer.WriteStartObject();
            writer.WriteNumber("T", trade.Time.ToUnixTimeMilliseconds());
            writer.WriteString("s", trade.Symbol.Value);
            writer.WriteString("S", trade.TakerSide.ToString());
            writer.WriteString("v", StreamFrames.Number(trade.Size));
            writer.WriteString("p", StreamFrames.Number(trade.Price));
            writer.WriteString("L", previous is { } before && trade.Price < before ? "MinusTick" : "PlusTick");
            writer.WriteString("i", trade.TradeId);
            writer.WriteBoolean("BT", false);
            writer.WriteBoolean("RPI", false);
            writer.WriteNumber("seq", firstSequence + i);
            writer.WriteEndObject();
            previous = trade.Price;
        }

        writer.WriteEndArray();
    });
}
