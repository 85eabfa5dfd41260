using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>orderbook.{depth}.{symbol}</c> relayed: our client keeps the upstream's book (resyncing it on a gap); each tick we
/// send the levels that changed since our subscribers' book as one delta with our own <c>u</c> (one more each time) and
/// the upstream's <c>seq</c>. So an upstream resync or reconnect never shows here as a gap. Depth 1 sends snapshots only.
/// </summary>
internal sealed class RelayOrderBookFeed(string topic, InstrumentSymbol symbol, int depth, UpstreamSubscriptions upstream, WebSocketFaults faults, TimeProvider clock)
    : RelayFeed(topic, upstream)
{
    private OrderBookSnapshot? _pending;
    private Dictionary<decimal, decimal>? _bids;
    private Dictionary<decimal, decimal>? _asks;
    private long _updateId;
    private long _sequence;

    protected override void Accept(MarketStreamEvent message)
    {
        if (message is OrderBookChanged { Book: var book })
        {
            _pending = book;
        }
    }

    protected override void Reset()
    {
        _pending = null;
        _bids = null;
        _asks = null;
    }

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = clock.GetUtcNow();
        lock (Inbox)
        {
            if (_pending is not { } book)
            {
                return [];
            }

            _pending = null;
            var bids = book.Bids.ToDictionary(level => level.Price, level => level.Quantity);
            var asks = book.Asks.ToDictionary(level => level.Price, level => level.Quantity);
            var first = _bids is null;
            List<PriceLevel> bidChanges = first ? [] : OrderBookFeed.Changes(_bids!, bids).ToList();
            List<PriceLevel> askChanges = first ? [] : OrderBookFeed.Changes(_asks!, asks).ToList();
            if (!first && bidChanges.Count == 0 && askChanges.Count == 0)
            {
                return [];
            }

            _bids = bids;
            _asks = asks;
            _sequence = book.Sequence;
            _updateId += !first && faults.TakeBookGap(symbol.Value) ? 2 : 1;
            return first || depth == 1 ? [SnapshotFrame(now)] : [OrderBookFeed.BookFrame(Topic, "delta", symbol, bidChanges, askChanges, _updateId, _sequence, now)];
        }
    }

    protected override byte[]? Snapshot()
    {
        lock (Inbox)
        {
            return _bids is null ? null : SnapshotFrame(clock.GetUtcNow());
        }
    }

    private byte[] SnapshotFrame(DateTimeOffset now) =>
        OrderBookFeed.BookFrame(Topic, "snapshot", symbol, OrderBookFeed.Sorted(_bids!, descending: true), OrderBookFeed.Sorted(_asks!, descending: false), _updateId, _sequence, now);
}
