using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>orderbook.{depth}.{symbol}</c>: a snapshot, then a delta whenever the simulated book changes (at each closed bar):
/// the levels that changed, quantity <c>"0"</c> for the ones gone, <c>u</c> one more each time, <c>seq</c> the bar count
/// (the REST book's <c>seq</c> for the same bar, so the two can be compared). Depth 1 sends snapshots only, as Bybit does.
/// </summary>
internal sealed class OrderBookFeed(string topic, Instrument instrument, int depth, SimulatedMarketFeed feed, WebSocketFaults faults) : TopicFeed(topic)
{
    private Dictionary<decimal, decimal> _bids = [];
    private Dictionary<decimal, decimal> _asks = [];
    private long _updateId = 100_000;
    private int _barCount = -1;

    protected override IReadOnlyList<byte[]> Advance()
    {
        if (feed.BarCount(instrument.Symbol) == _barCount)
        {
            return [];
        }

        var now = feed.Now;
        var bars = feed.ClosedBars(instrument.Symbol);
        var book = SyntheticBookAndTrades.OrderBook(instrument, bars[^1], bars.Count, depth, now);
        var bids = book.Bids.ToDictionary(level => level.Price, level => level.Quantity);
        var asks = book.Asks.ToDictionary(level => level.Price, level => level.Quantity);
        var first = _barCount < 0;
        var bidChanges = Changes(_bids, bids).ToList();
        var askChanges = Changes(_asks, asks).ToList();
        _bids = bids;
        _asks = asks;
        _barCount = bars.Count;
        if (first)
        {
            return [];
        }

        _updateId += faults.TakeBookGap(instrument.Symbol.Value) ? 2 : 1;
        return depth == 1 ? [Frame("snapshot", Sorted(_bids, descending: true), Sorted(_asks, descending: false), now)] : [Frame("delta", bidChanges, askChanges, now)];
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
        BookFrame(Topic, type, instrument.Symbol, bids, asks, _updateId, _barCount, now);

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
