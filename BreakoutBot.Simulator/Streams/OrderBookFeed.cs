using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>orderbook.{depth}.{symbol}</c>: a snapshot, then a delta for every print of the tape since the last push (the book
/// moves with each print), at most <see cref="MaxDeltasPerPush"/> a push (beyond that the prints are conflated, as a venue
/// under load does): the levels that changed, quantity <c>"0"</c> for the ones gone, <c>u</c> one more each time,
/// <c>seq</c> the tape's cursor (the REST book's <c>seq</c> for the same moment, so the two can be compared). Depth 1
/// sends snapshots only, as Bybit does.
/// </summary>
internal sealed class OrderBookFeed(string topic, Instrument instrument, int depth, SimulatedMarketFeed feed, WebSocketFaults faults) : TopicFeed(topic)
{
    private const int MaxDeltasPerPush = 20;
    private Dictionary<decimal, decimal> _bids = [];
    private Dictionary<decimal, decimal> _asks = [];
    private long _updateId = 100_000;
    private long _cursor = -1;

    protected override IReadOnlyList<byte[]> Advance()
    {
        if (_cursor < 0)
        {
            var moment = feed.Moment(instrument.Symbol);
            Take(SyntheticBook.After(moment.Tape, moment.LastPrint, depth, moment.Cursor, moment.Cursor), moment.Cursor);
            return [];
        }

        var steps = new List<(IntrabarTape Tape, int Print)>();
        foreach (var (tape, from, to) in feed.PrintsSince(instrument.Symbol, _cursor))
        {
            for (var i = from; i < to; i++)
            {
                steps.Add((tape, i));
            }
        }

        var frames = new List<byte[]>();
        var now = feed.Now;
        var stride = Math.Max(1, (steps.Count + MaxDeltasPerPush - 1) / MaxDeltasPerPush);
        for (var k = steps.Count - 1 - ((steps.Count - 1) / stride * stride); k < steps.Count; k += stride)
        {
            var (tape, print) = steps[k];
            var cursor = MarketMoment.CursorAfter(tape.BarIndex, print);
            var (bidChanges, askChanges) = Take(SyntheticBook.After(tape, print, depth, cursor, cursor), cursor);
            if (bidChanges.Count == 0 && askChanges.Count == 0)
            {
                continue;
            }

            _updateId += faults.TakeBookGap(instrument.Symbol.Value) ? 2 : 1;
            frames.Add(depth == 1 ? Frame("snapshot", Sorted(_bids, descending: true), Sorted(_asks, descending: false), now) : Frame("delta", bidChanges, askChanges, now));
        }

        return frames;
    }

    /// <summary>Makes <paramref name="book"/> the topic's state; returns the levels that changed on each side.</summary>
    private (List<PriceLevel> Bids, List<PriceLevel> Asks) Take(OrderBookSnapshot book, long cursor)
    {
        var bids = book.Bids.ToDictionary(level => level.Price, level => level.Quantity);
        var asks = book.Asks.ToDictionary(level => level.Price, level => level.Quantity);
        var changes = (Changes(_bids, bids).ToList(), Changes(_asks, asks).ToList());
        _bids = bids;
        _asks = asks;
        _cursor = cursor;
        return changes;
    }

    protected override byte[]? Snapshot() =>
        Frame("snapshot", Sorted(_bids, descending: true), Sorted(_asks, descending: false), feed.Now);

    internal static IEnumerable<PriceLevel> Changes(Dictionary<decimal, decimal> before, Dictionary<decimal, decimal> after)
    {
        foreach (var price in before.Keys.Where(price => !after.ContainsKey(price)).Order())
        {
            yield return new PriceLevel(price, 0m);
        }

        foreach (var (price, quantity) in after.OrderBy(level => level.Key))
        {
            if (!before.TryGetValue(price, out var old) || old != quantity)
            {
                yield return new PriceLevel(price, quantity);
            }
        }
    }

    internal static IEnumerable<PriceLevel> Sorted(Dictionary<decimal, decimal> side, bool descending) =>
        (descending ? side.OrderByDescending(level => level.Key) : side.OrderBy(level => level.Key)).Select(level => new PriceLevel(level.Key, level.Value));

    private byte[] Frame(string type, IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks, DateTimeOffset now) =>
        BookFrame(Topic, type, instrument.Symbol, bids, asks, _updateId, _cursor, now);

    /// <summary>An orderbook snapshot or delta (also what the Paper relay sends).</summary>
    internal static byte[] BookFrame(string topic, string type, InstrumentSymbol symbol, IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks, long updateId, long sequence, DateTimeOffset now) => StreamFrames.Write(writer =>
    {
        writer.WriteString("topic", topic);
        writer.WriteString("type", type);
        writer.WriteNumber("ts", now.ToUnixTimeMilliseconds());
        writer.WriteStartObject("data");
        writer.WriteString("s", symbol.Value);
        StreamFrames.WriteLevels(writer, "b", bids);
        StreamFrames.WriteLevels(writer, "a", asks);
        writer.WriteNumber("u", updateId);
        writer.WriteNumber("seq", sequence);
        writer.WriteEndObject();
        writer.WriteNumber("cts", now.ToUnixTimeMilliseconds());
    });
}
