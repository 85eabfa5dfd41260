namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// One public topic shared by every connection subscribed to it, as on the venue: all subscribers get the same
/// deltas, and a new subscriber gets a snapshot of the state the next delta will build on. Serialised by one lock.
/// </summary>
internal abstract class TopicFeed(string topic)
{
    private readonly List<StreamClient> _subscribers = [];
    private readonly Lock _gate = new();

    public string Topic { get; } = topic;

    public void Subscribe(StreamClient client)
    {
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                OnFirstSubscriber();
            }

            // Catch the topic's state up first, so the snapshot is exactly what later deltas apply to.
            Broadcast(Advance());
            _subscribers.Add(client);
            if (Snapshot() is { } snapshot)
            {
                client.Enqueue(snapshot);
            }
        }
    }

    public void Unsubscribe(StreamClient client)
    {
        lock (_gate)
        {
            if (_subscribers.Remove(client) && _subscribers.Count == 0)
            {
                OnLastUnsubscribed();
            }
        }
    }

    public void Tick()
    {
        lock (_gate)
        {
            if (_subscribers.Count > 0)
            {
                Broadcast(Advance());
            }
        }
    }

    /// <summary>Sends a frame as it is to every subscriber (fault injection: malformed payloads).</summary>
    public int Inject(byte[] frame)
    {
        lock (_gate)
        {
            Broadcast([frame]);
            return _subscribers.Count;
        }
    }

    /// <summary>The topic gained its first subscriber (a relayed topic starts listening upstream). Called under the feed's lock.</summary>
    protected virtual void OnFirstSubscriber()
    {
    }

    /// <summary>The topic lost its last subscriber (a relayed topic stops listening upstream and drops its state). Called under the feed's lock.</summary>
    protected virtual void OnLastUnsubscribed()
    {
    }

    /// <summary>Frames that bring subscribers from the last state to now (may be none).</summary>
    protected abstract IReadOnlyList<byte[]> Advance();

    /// <summary>The frame a new subscriber starts from, or null when the topic has no snapshot.</summary>
    protected abstract byte[]? Snapshot();

    private void Broadcast(IReadOnlyList<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Enqueue(frame);
            }
        }
    }
}
