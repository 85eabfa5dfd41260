using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// A public topic relayed from the upstream (Paper mode): it listens upstream while it has subscribers here, keeps
/// what arrived in a bounded inbox until the next tick, and forgets it all when the last subscriber leaves.
/// </summary>
internal abstract class RelayFeed : TopicFeed
{
    private readonly UpstreamSubscriptions _upstream;
    private readonly Action<MarketStreamEvent> _listener;

    protected RelayFeed(string topic, UpstreamSubscriptions upstream)
        : base(topic)
    {
        _upstream = upstream;
        _listener = Receive;
    }

    /// <summary>Guards the inbox: the upstream reader writes it, the tick reads it.</summary>
    protected Lock Inbox { get; } = new();

    protected override void OnFirstSubscriber() => _upstream.Listen(Topic, _listener);

    protected override void OnLastUnsubscribed()
    {
        _upstream.Forget(Topic, _listener);
        lock (Inbox)
        {
            Reset();
        }
    }

    /// <summary>Takes one upstream event into the inbox (called under <see cref="Inbox"/>).</summary>
    protected abstract void Accept(MarketStreamEvent message);

    /// <summary>Forgets the topic's state (called under <see cref="Inbox"/>).</summary>
    protected abstract void Reset();

    private void Receive(MarketStreamEvent message)
    {
        lock (Inbox)
        {
            Accept(message);
        }
    }
}
