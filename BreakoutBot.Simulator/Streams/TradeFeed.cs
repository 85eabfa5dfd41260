using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>publicTrade.{symbol}</c>: the tape's prints as they happen, one frame per push with the prints since the last
/// (at most <see cref="MaxPrintsPerFrame"/> each; the same trades, ids included, that <c>/v5/market/recent-trade</c>
/// reports). Nothing on subscribe: trades are events, not state.
/// </summary>
internal sealed class TradeFeed(string topic, Instrument instrument, SimulatedMarketFeed feed) : TopicFeed(topic)
{
    private const int MaxPrintsPerFrame = 1_000;
    private long _cursor = -1;

    protected override IReadOnlyList<byte[]> Advance()
    {
        if (_cursor < 0)
        {
            _cursor = feed.Moment(instrument.Symbol).Cursor;
            return [];
        }

        var ranges = feed.PrintsSince(instrument.Symbol, _cursor);
        if (ranges.Count == 0)
        {
            return [];
        }

        var now = feed.Now;
        var frames = new List<byte[]>();
        var batch = new List<Trade>(MaxPrintsPerFrame);
        var firstSequence = 0L;
        foreach (var (tape, from, to) in ranges)
        {
            for (var i = from; i < to; i++)
            {
                if (batch.Count == 0)
                {
                    firstSequence = MarketMoment.CursorAfter(tape.BarIndex, i);
                }

                batch.Add(tape.ToTrade(i));
                _cursor = MarketMoment.CursorAfter(tape.BarIndex, i);
                if (batch.Count == MaxPrintsPerFrame)
                {
                    frames.Add(TradesFrame(Topic, batch, firstSequence, now));
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            frames.Add(TradesFrame(Topic, batch, firstSequence, now));
        }

        return frames;
    }

    protected override byte[]? Snapshot() => null;

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
