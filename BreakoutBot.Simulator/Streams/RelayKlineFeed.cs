using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary><c>kline.{interval}.{symbol}</c> relayed: each upstream bar (forming or confirmed) as it came; a new subscriber gets the latest.</summary>
internal sealed class RelayKlineFeed(string topic, CandleInterval interval, UpstreamSubscriptions upstream, TimeProvider clock) : RelayFeed(topic, upstream)
{
    private const int MaxPending = 64;
    private readonly Queue<Candle> _pending = new();
    private Candle? _last;

    protected override void Accept(MarketStreamEvent message)
    {
        if (message is KlineReceived { Candle: var candle })
        {
            if (_pending.Count == MaxPending)
            {
                _pending.Dequeue();
            }

            _pending.Enqueue(candle);
        }
    }

    protected override void Reset()
    {
        _pending.Clear();
        _last = null;
    }

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = clock.GetUtcNow();
        lock (Inbox)
        {
            var frames = new List<byte[]>(_pending.Count);
            while (_pending.TryDequeue(out var candle))
            {
                frames.Add(KlineFeed.KlineFrame(Topic, interval, candle, now));
                _last = candle;
            }

            return frames;
        }
    }

    protected override byte[]? Snapshot()
    {
        lock (Inbox)
        {
            return _last is null ? null : KlineFeed.KlineFrame(Topic, interval, _last, clock.GetUtcNow());
        }
    }
}
