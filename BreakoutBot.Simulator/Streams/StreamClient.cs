using System.Net.WebSockets;
using System.Threading.Channels;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// One accepted WebSocket: its topics, whether it authenticated (private), and a bounded send queue drained by one
/// writer, so pushes from the hubs never wait on the network. A connection that falls a whole queue behind is closed,
/// as the venue does with slow consumers.
/// </summary>
internal sealed class StreamClient
{
    private readonly WebSocket _socket;
    private readonly WebSocketFaults _faults;
    private readonly TimeProvider _clock;
    private readonly Channel<(byte[] Frame, long MadeAt)> _queue;
    private readonly LatencyModel _latency;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private int _overflowed;

    public StreamClient(WebSocket socket, string connectionId, bool isPrivate, int capacity, WebSocketFaults faults, LatencyModel latency, TimeProvider clock)
    {
        _latency = latency;
        _socket = socket;
        ConnectionId = connectionId;
        IsPrivate = isPrivate;
        _faults = faults;
        _clock = clock;
        _queue = Channel.CreateBounded<(byte[], long)>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    public string ConnectionId { get; }

    public bool IsPrivate { get; }

    public bool IsAuthenticated { get; set; }

    public int TopicCount
    {
        get
        {
            lock (_gate)
            {
                return _topics.Count;
            }
        }
    }

    public IReadOnlyList<string> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics];
            }
        }
    }

    public bool HasTopic(string topic)
    {
        lock (_gate)
        {
            return _topics.Contains(topic);
        }
    }

    /// <summary>Adds all topics, or none when that would exceed <paramref name="limit"/> or one is already held.</summary>
    public string? TryAddTopics(IReadOnlyList<string> topics, int limit)
    {
        lock (_gate)
        {
            if (topics.FirstOrDefault(_topics.Contains) is { } duplicate)
            {
                return $"error:already subscribed,topic:{duplicate}";
            }

            if (_topics.Count + topics.Count > limit)
            {
                return $"error:too many topics, at most {limit} per connection";
            }

            _topics.UnionWith(topics);
            return null;
        }
    }

    public void RemoveTopics(IEnumerable<string> topics)
    {
        lock (_gate)
        {
            _topics.ExceptWith(topics);
        }
    }

    /// <summary>Queues a frame; false (and the connection is being closed) when the client is a whole queue behind.</summary>
    public bool Enqueue(byte[] frame)
    {
        if (_queue.Writer.TryWrite((frame, _clock.GetTimestamp())))
        {
            return true;
        }

        if (Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            Abort();
        }

        return false;
    }

    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        await foreach (var (frame, madeAt) in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            // The venue's stream latency: a push leaves a drawn delay after it was made (in order, so never earlier
            // than the one before it).
            var due = _latency.NextStreamDelay() - _clock.GetElapsedTime(madeAt);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, _clock, cancellationToken);
            }

            if (_faults.PushDelay is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, cancellationToken);
            }

            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Cuts the connection without a close handshake, like a network failure.</summary>
    public void Abort()
    {
        _queue.Writer.TryComplete();
        _socket.Abort();
    }
}
