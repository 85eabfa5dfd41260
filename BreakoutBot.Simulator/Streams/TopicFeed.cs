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
            _subscribers.Remove(client);
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
