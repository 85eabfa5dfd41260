using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// One WebSocket to Bybit that stays up: connects, lets its owner authenticate, subscribes its topics, pings every
/// <see cref="BybitStreamOptions.PingInterval"/>, replaces a connection silent for <see cref="BybitStreamOptions.DeadAfter"/>,
/// and reconnects with <see cref="ReconnectBackoff"/>, subscribing everything again. Frames are read by one loop, so
/// the handler sees one connection's messages in order, one at a time.
/// </summary>
internal sealed class StreamConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private const int TopicsPerRequest = 10;
    private readonly Uri _endpoint;
    private readonly string _endpointForLogs;
    private readonly BybitStreamOptions _options;
    private readonly IStreamHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ReconnectBackoff _backoff;
    private readonly BybitStreamMetrics _metrics;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sessionTopics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resyncing = new(StringComparer.Ordinal);
    private readonly List<PendingAck> _pending = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstSession = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Session> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Session? _opening;
    private Task? _run;
    private long _requestId;
    private long _lastReceived;

    public StreamConnection(
        string name,
        Uri endpoint,
        BybitStreamOptions options,
        IStreamHandler handler,
        ILogger logger,
        TimeProvider clock,
        ReconnectBackoff backoff,
        BybitStreamMetrics metrics)
    {
        Name = name;
        _endpoint = endpoint;
        _endpointForLogs = endpoint.GetLeftPart(UriPartial.Path);
        _options = options;
        _handler = handler;
        _logger = logger;
        _clock = clock;
        _backoff = backoff;
        _metrics = metrics;
    }

    public string Name { get; }

    public bool IsConnected => _connected.Task.IsCompletedSuccessfully;

    public IReadOnlyCollection<string> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics];
            }
        }
    }

    /// <summary>Starts the connection loop once; completes when the first session is up, or fails if it could not authenticate.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _run ??= Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return _firstSession.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Adds topics; once connected, subscribes those the current session does not have yet and checks the answer.</summary>
    /// <exception cref="BybitStreamException">The venue refused the subscription.</exception>
    public async Task SubscribeAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        // Connect first, so a refusal is answered to this request rather than logged by a session start.
        await StartAsync(cancellationToken);
        lock (_gate)
        {
            _topics.UnionWith(topics);
        }

        while (true)
        {
            var session = await _connected.Task.WaitAsync(cancellationToken);
            string[] toSend;
            lock (_gate)
            {
                toSend = [.. topics.Where(topic => _topics.Contains(topic) && _sessionTopics.Add(topic))];
            }

            if (toSend.Length == 0)
            {
                return;
            }

            StreamAck ack;
            try
            {
                ack = await RequestAsync(session, "subscribe", writer => WriteStrings(writer, toSend), cancellationToken);
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException or ObjectDisposedException)
            {
                // The session died under us; the next one subscribes every topic again.
                continue;
            }

            if (!ack.Success)
            {
                lock (_gate)
                {
                    _topics.ExceptWith(toSend);
                    _sessionTopics.ExceptWith(toSend);
                }

                Log.SubscriptionRefused(_logger, Name, string.Join(',', toSend), ack.Message);
                throw new BybitStreamException($"Subscription refused for {string.Join(',', toSend)}: {ack.Message}");
            }

            return;
        }
    }

    public async Task UnsubscribeAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        Session? session;
        lock (_gate)
        {
            _topics.ExceptWith(topics);
            _sessionTopics.ExceptWith(topics);
            session = _connected.Task.IsCompletedSuccessfully ? _connected.Task.Result : null;
        }

        if (session is not null)
        {
            try
            {
                await RequestAsync(session, "unsubscribe", writer => WriteStrings(writer, topics), cancellationToken);
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException or ObjectDisposedException)
            {
                // Gone with the session: nothing left to unsubscribe from.
            }
        }
    }

    /// <summary>
    /// Unsubscribes and subscribes a topic again in the background, so the venue sends a fresh snapshot. Never waits:
    /// it is called from the read loop, which is what delivers the answers.
    /// </summary>
    public void Resubscribe(string topic)
    {
        Session? session;
        lock (_gate)
        {
            if (!_topics.Contains(topic) || !_connected.Task.IsCompletedSuccessfully || !_resyncing.Add(topic))
            {
                return;
            }

            session = _connected.Task.Result;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                string[] topics = [topic];
                await RequestAsync(session, "unsubscribe", writer => WriteStrings(writer, topics), _stopping.Token);
                var ack = await RequestAsync(session, "subscribe", writer => WriteStrings(writer, topics), _stopping.Token);
                if (!ack.Success)
                {
                    Log.SubscriptionRefused(_logger, Name, topic, ack.Message);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException or ObjectDisposedException or OperationCanceledException)
            {
                // The session ended; the next one subscribes the topic again, which also brings a snapshot.
            }
            finally
            {
                lock (_gate)
                {
                    _resyncing.Remove(topic);
                }
            }
        });
    }

    /// <summary>
    /// Sends an op on the session being opened or the current one and waits for its answer; matched by <c>req_id</c>,
    /// or by op when the venue leaves req_id out (Bybit's private acks do).
    /// </summary>
    public async Task<StreamAck> RequestAsync(string op, Action<Utf8JsonWriter> writeArgs, CancellationToken cancellationToken)
    {
        var session = _connected.Task.IsCompletedSuccessfully ? _connected.Task.Result : _opening ?? throw new WebSocketException("The stream is not connected.");
        return await RequestAsync(session, op, writeArgs, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var attempt = 0;
        var everConnected = false;
        while (!stopping.IsCancellationRequested)
        {
            string reason;
            var session = new SessionOutcome();
            try
            {
                await RunSessionAsync(everConnected, session, stopping);
                reason = "closed by the venue";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (BybitStreamAuthenticationException exception)
            {
                Log.AuthenticationRefused(_logger, Name, exception.Message);
                _firstSession.TrySetException(exception);
                reason = "authentication refused";
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Whatever ended the session, the connection loop must survive it and try again.
                reason = exception.GetType().Name + ": " + exception.Message;
            }

            if (session.Established)
            {
                // The session had been up: count the loss and start the back-off from the beginning.
                everConnected = true;
                attempt = 0;
                _metrics.Reconnects.Add(1, new KeyValuePair<string, object?>("stream", Name));
            }

            attempt++;
            var delay = _backoff.Delay(attempt);
            Log.StreamDisconnected(_logger, Name, attempt, delay.TotalMilliseconds, reason);
            try
            {
                await Task.Delay(delay, _clock, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _firstSession.TrySetCanceled(stopping);
    }

    /// <summary>One connection from connect to loss; <paramref name="outcome"/> says whether it got as far as being subscribed.</summary>
    private async Task RunSessionAsync(bool isReconnect, SessionOutcome outcome, CancellationToken stopping)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var sessionCancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = sessionCancellation.Token;
        await socket.ConnectAsync(_endpoint, token).WaitAsync(_options.RequestTimeout, _clock, token);
        var session = new Session(socket);
        Volatile.Write(ref _lastReceived, _clock.GetTimestamp());
        var receive = Task.Run(() => ReceiveLoopAsync(session, token), CancellationToken.None);
        var ping = Task.Run(() => PingLoopAsync(session, token), CancellationToken.None);

        // A connection lost during login or subscription must not leave those requests waiting for their timeout.
        _ = receive.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), sessionCancellation, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            _opening = session;
            await _handler.AuthenticateAsync(this, token);
            string[] topics;
            lock (_gate)
            {
                _sessionTopics.Clear();
                _sessionTopics.UnionWith(_topics);
                topics = [.. _topics];
            }

            foreach (var chunk in topics.Chunk(TopicsPerRequest))
            {
                var ack = await RequestAsync(session, "subscribe", writer => WriteStrings(writer, chunk), token);
                if (!ack.Success)
                {
                    Log.SubscriptionRefused(_logger, Name, string.Join(',', chunk), ack.Message);
                    lock (_gate)
                    {
                        _topics.ExceptWith(chunk);
                        _sessionTopics.ExceptWith(chunk);
                    }
                }
            }

            _opening = null;
            _connected.TrySetResult(session);
            outcome.Established = true;
            Log.StreamConnected(_logger, Name, _endpointForLogs, topics.Length);
            await _handler.SessionStartedAsync(this, isReconnect, token);
            _firstSession.TrySetResult();
            await await Task.WhenAny(receive, ping);
        }
        finally
        {
            _opening = null;
            lock (_gate)
            {
                if (_connected.Task.IsCompleted)
                {
                    _connected = new TaskCompletionSource<Session>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                _sessionTopics.Clear();
                foreach (var pending in _pending)
                {
                    pending.Completion.TrySetException(new WebSocketException("The stream connection closed."));
                }

                _pending.Clear();
            }

            await sessionCancellation.CancelAsync();
            session.Abort();
            _handler.SessionEnded(this);
            await Task.WhenAll(receive, ping).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            session.Dispose();
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended and cleaned up.
        }
    }

    private async Task ReceiveLoopAsync(Session session, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await session.Socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer.AsSpan(0, result.Count));
                    if (message.WrittenCount > MaxMessageBytes)
                    {
                        throw new WebSocketException("A stream message exceeded 16 MiB.");
                    }
                }
                while (!result.EndOfMessage);

                Volatile.Write(ref _lastReceived, _clock.GetTimestamp());
                await DispatchAsync(message.WrittenMemory, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask DispatchAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (_handler.TryDecodeRaw(this, frame.Span))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException exception)
        {
            _handler.Malformed(this, FindTopic(frame.Span), "not JSON: " + exception.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _handler.Malformed(this, null, "not a JSON object");
                return;
            }

            if (root.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String)
            {
                Answer(op.GetString()!, root);
                return;
            }

            await _handler.DataAsync(this, root, cancellationToken);
        }
    }

    private void Answer(string op, JsonElement root)
    {
        if (op is "pong" or "ping")
        {
            // Only liveness, which every received frame already proves.
            return;
        }

        var success = root.TryGetProperty("success", out var flag) && flag.ValueKind == JsonValueKind.True;
        var message = root.TryGetProperty("ret_msg", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
        var requestId = root.TryGetProperty("req_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        PendingAck? match;
        lock (_gate)
        {
            match = (string.IsNullOrEmpty(requestId) ? null : _pending.Find(pending => pending.RequestId == requestId))
                ?? _pending.Find(pending => pending.Op == op);
            if (match is not null)
            {
                _pending.Remove(match);
            }
        }

        match?.Completion.TrySetResult(new StreamAck(success, message));
    }

    private async Task PingLoopAsync(Session session, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _clock);
        var pings = 0L;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var silent = _clock.GetElapsedTime(Volatile.Read(ref _lastReceived));
            if (silent > _options.DeadAfter)
            {
                Log.StreamDead(_logger, Name, silent.TotalMilliseconds);
                session.Abort();
                return;
            }

            var frame = string.Create(CultureInfo.InvariantCulture, $$"""{"req_id":"ping-{{++pings}}","op":"ping"}""");
            await session.SendAsync(frame, cancellationToken);
        }
    }

    private async Task<StreamAck> RequestAsync(Session session, string op, Action<Utf8JsonWriter> writeArgs, CancellationToken cancellationToken)
    {
        var requestId = op + "-" + Interlocked.Increment(ref _requestId).ToString(CultureInfo.InvariantCulture);
        var pending = new PendingAck(requestId, op, new TaskCompletionSource<StreamAck>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _pending.Add(pending);
        }

        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("req_id", requestId);
                writer.WriteString("op", op);
                writer.WriteStartArray("args");
                writeArgs(writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            await session.SendAsync(buffer.WrittenMemory, cancellationToken);
            return await pending.Completion.Task.WaitAsync(_options.RequestTimeout, _clock, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(pending);
            }
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>The topic of a frame that is not valid JSON, found by a plain text scan (a truncated push still starts with it).</summary>
    private static string? FindTopic(ReadOnlySpan<byte> frame)
    {
        var marker = "\"topic\":\""u8;
        var start = frame.IndexOf(marker);
        if (start < 0)
        {
            return null;
        }

        var rest = frame[(start + marker.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end <= 0 || end > 128 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    private sealed class SessionOutcome
    {
        public bool Established { get; set; }
    }

    private sealed record PendingAck(string RequestId, string Op, TaskCompletionSource<StreamAck> Completion);

    /// <summary>A socket and the lock that keeps its sends one at a time (ClientWebSocket allows one send in flight).</summary>
    private sealed class Session(ClientWebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public ClientWebSocket Socket { get; } = socket;

        public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

        public async Task SendAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
        {
            await _send.WaitAsync(cancellationToken);
            try
            {
                await Socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }

        public void Abort() => Socket.Abort();

        public void Dispose() => _send.Dispose();
    }
}
