using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary><c>publicTrade.{symbol}</c> relayed: each upstream batch as it came (bounded inbox, oldest dropped); nothing on subscribe.</summary>
internal sealed class RelayTradeFeed(string topic, UpstreamSubscriptions upstream, TimeProvider clock) : RelayFeed(topic, upstream)
{
    private const int MaxPending = 64;
    private readonly Queue<IReadOnlyList<Trade>> _pending = new();
    private long _sequence;

    protected override void Accept(MarketStreamEvent message)
    {
        if (message is TradesReceived { Trades: var trades })
        {
            if (_pending.Count == MaxPending)
            {
                _pending.Dequeue();
            }

            _pending.Enqueue(trades);
        }
    }

    protected override void Reset() => _pending.Clear();

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = clock.GetUtcNow();
        lock (Inbox)
        {
            var frames = new List<byte[]>(_pending.Count);
            while (_pending.TryDequeue(out var trades))
            {
                frames.Add(TradeFeed.TradesFrame(Topic, trades, _sequence, now));
                _sequence += trades.Count;
            }

            return frames;
        }
    }

    protected override byte[]? Snapshot() => null;
}
