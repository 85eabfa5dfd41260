using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using BreakoutBot.Domain.MarketData;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Bybit's public linear stream over as many connections (shards) as <see cref="BybitStreamOptions.MaxTopicsPerConnection"/>
/// requires. Every connection pings, is replaced when dead and subscribes its topics again after a reconnect.
/// Order books are kept here, per topic: a gap or out-of-order <c>u</c>, a crossed book or a bad message drops the book
/// and resubscribes the topic for a new snapshot (<see cref="OrderBookResynchronizing"/>). A payload that cannot be
/// decoded never ends the stream: it is logged with its topic, counted (<c>bybit.ws.bad_payloads</c>) and the topic is
/// resubscribed.
/// </summary>
/// <remarks>
/// Overflow policy: <see cref="Events"/> is bounded (<see cref="BybitStreamOptions.ChannelCapacity"/>) and drops the
/// <em>oldest</em> message when the consumer falls that far behind (counted in <c>bybit.ws.dropped_messages</c>).
/// Market data is a stream of latest values and the socket must never wait for a slow consumer (the venue would cut
/// it off); the books themselves live here, not in the channel, so a dropped message never corrupts a book.
/// </remarks>
public sealed class BybitPublicStreamClient : IMarketDataFeed
{
    private readonly BybitStreamOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly BybitStreamMetrics _metrics;
    private readonly ReconnectBackoff _backoff;
    private readonly Channel<MarketStreamEvent> _events;
    private readonly Lock _gate = new();
    private readonly List<Shard> _shards = [];
    private readonly Dictionary<string, Shard> _shardOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OrderBookSnapshot> _latestBooks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TickerState> _tickers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RawTopic> _rawTopics = new(StringComparer.Ordinal);
    private long _dropped;

    public BybitPublicStreamClient(BybitStreamOptions options, TimeProvider clock, ILogger<BybitPublicStreamClient> logger, BybitStreamMetrics metrics, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(random);
        _options = options;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
        _backoff = new ReconnectBackoff(options.ReconnectDelay, options.MaxReconnectDelay, random);
        _events = Channel.CreateBounded<MarketStreamEvent>(
            new BoundedChannelOptions(options.ChannelCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false, SingleReader = false },
            OnDropped);
    }

    public ChannelReader<MarketStreamEvent> Events => _events.Reader;

    /// <summary>Open connections (shards), connected or reconnecting.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _shards.Count;
            }
        }
    }

    public Task SubscribeKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, CancellationToken cancellationToken = default) =>
        SubscribeAsync([BybitTopics.Kline(symbol, interval)], cancellationToken);

    public Task SubscribeTickersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken = default) =>
        SubscribeAsync([BybitTopics.Ticker(symbol)], cancellationToken);

    public Task SubscribeOrderBookAsync(InstrumentSymbol symbol, int depth, CancellationToken cancellationToken = default) =>
        SubscribeAsync([BybitTopics.OrderBook(symbol, depth)], cancellationToken);

    public Task SubscribeTradesAsync(InstrumentSymbol symbol, CancellationToken cancellationToken = default) =>
        SubscribeAsync([BybitTopics.Trades(symbol)], cancellationToken);

    /// <summary>Subscribes topics, spreading them over connections; completes when the venue has accepted them.</summary>
    /// <exception cref="BybitStreamException">The venue refused a topic.</exception>
    public async Task SubscribeAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var byShard = new Dictionary<Shard, List<string>>();
        lock (_gate)
        {
            foreach (var topic in topics.Distinct(StringComparer.Ordinal))
            {
                if (!_shardOf.TryGetValue(topic, out var shard))
                {
                    shard = _shards.Find(candidate => candidate.TopicCount < _options.MaxTopicsPerConnection) ?? AddShard();
                    shard.TopicCount++;
                    _shardOf[topic] = shard;
                }

                if (!byShard.TryGetValue(shard, out var list))
                {
                    byShard[shard] = list = [];
                }

                list.Add(topic);
            }
        }

        try
        {
            await Task.WhenAll(byShard.Select(pair => pair.Key.Connection.SubscribeAsync(pair.Value, cancellationToken)));
        }
        catch (BybitStreamException)
        {
            // Refused topics free their place on the connection; accepted ones are still known to their connection.
            lock (_gate)
            {
                foreach (var (shard, list) in byShard)
                {
                    var held = shard.Connection.Topics;
                    foreach (var topic in list.Where(topic => !held.Contains(topic)))
                    {
                        if (_shardOf.Remove(topic))
                        {
                            shard.TopicCount--;
                        }
                    }
                }
            }

            throw;
        }
    }

    public async Task UnsubscribeAsync(string topic, CancellationToken cancellationToken = default)
    {
        Shard? shard;
        lock (_gate)
        {
            if (_shardOf.Remove(topic, out shard))
            {
                shard.TopicCount--;
            }
        }

        if (shard is not null)
        {
            await shard.Connection.UnsubscribeAsync([topic], cancellationToken);
            ForgetState(topic);
        }
    }

    public OrderBookSnapshot? OrderBook(InstrumentSymbol symbol, int depth) =>
        _latestBooks.TryGetValue(BybitTopics.OrderBook(symbol, depth), out var book) ? book : null;

    public async ValueTask DisposeAsync()
    {
        Shard[] shards;
        lock (_gate)
        {
            shards = [.. _shards];
            _shards.Clear();
            _shardOf.Clear();
        }

        foreach (var shard in shards)
        {
            await shard.Connection.DisposeAsync();
        }

        _events.Writer.TryComplete();
    }

    private Shard AddShard()
    {
        var shard = new Shard();
        var name = "public-" + _shards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        shard.Connection = new StreamConnection(name, _options.PublicEndpoint, _options, new Handler(this), _logger, _clock, _backoff, _metrics);
        _shards.Add(shard);
        return shard;
    }

    private void OnDropped(MarketStreamEvent dropped)
    {
        _metrics.DroppedMessages.Add(1, new KeyValuePair<string, object?>("stream", "public"));
        if (Interlocked.Increment(ref _dropped) % 1_000 == 1)
        {
            Log.MessageDropped(_logger, "public", _options.ChannelCapacity);
        }
    }

    private void Publish(MarketStreamEvent message) => _events.Writer.TryWrite(message);

    private void ForgetState(string topic)
    {
        _books.TryRemove(topic, out _);
        _latestBooks.TryRemove(topic, out _);
        _tickers.TryRemove(topic, out _);
    }

    private void Decode(StreamConnection connection, string topic, JsonElement message)
    {
        var now = _clock.GetUtcNow();
        var kind = topic.AsSpan(0, Math.Max(0, topic.IndexOf('.', StringComparison.Ordinal)));
        switch (kind)
        {
            case "kline":
                var symbol = InstrumentSymbol.Parse(topic[(topic.LastIndexOf('.') + 1)..]);
                foreach (var candle in PublicMessageParser.Klines(message))
                {
                    Publish(new KlineReceived(topic, now, symbol, candle));
                }

                break;
            case "orderbook":
                DecodeOrderBook(connection, topic, message, now);
                break;
            case "tickers":
                if (_tickers.GetOrAdd(topic, static _ => new TickerState()).Apply(message) is { } ticker)
                {
                    Publish(new TickerReceived(topic, now, ticker));
                }

                break;
            case "publicTrade":
                var trades = PublicMessageParser.Trades(message);
                if (trades.Count > 0)
                {
                    Publish(new TradesReceived(topic, now, trades[0].Symbol, trades));
                }

                break;
            default:
                throw new FormatException($"Unknown topic kind '{kind}'.");
        }
    }

    private void DecodeOrderBook(StreamConnection connection, string topic, JsonElement message, DateTimeOffset now) =>
        ApplyOrderBook(connection, topic, PublicMessageParser.OrderBook(message), now);

    /// <summary>
    /// The byte-level path for <c>publicTrade</c> and <c>orderbook</c> pushes (<see cref="PublicFrameDecoder"/>): the topic
    /// is looked up without allocating, the push decoded without a document. Anything else goes the document way.
    /// </summary>
    private bool TryDecodeRaw(StreamConnection connection, ReadOnlySpan<byte> frame)
    {
        if (RawTopics.Find(frame, _rawTopics) is not { } known)
        {
            return false;
        }

        try
        {
            var now = _clock.GetUtcNow();
            if (known.IsTrades)
            {
                var trades = PublicFrameDecoder.Trades(frame, known.Symbol);
                if (trades.Count > 0)
                {
                    Publish(new TradesReceived(known.Topic, now, known.Symbol, trades));
                }
            }
            else
            {
                ApplyOrderBook(connection, known.Topic, PublicFrameDecoder.OrderBook(frame, known.Symbol), now);
            }
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException or OverflowException or JsonException)
        {
            BadPayload(connection, known.Topic, exception.GetType().Name + ": " + exception.Message);
        }

        return true;
    }

    private void ApplyOrderBook(StreamConnection connection, string topic, OrderBookMessage update, DateTimeOffset now)
    {
        var book = _books.GetOrAdd(topic, _ => new OrderBook(update.Symbol));
        var before = book.UpdateId;
        var result = update.ApplyTo(book);
        switch (result)
        {
            case OrderBookUpdateResult.Applied:
                var snapshot = book.ToSnapshot()!;
                if (snapshot.IsCrossed)
                {
                    Resync(connection, topic, update.Symbol, "crossed", update.UpdateId, before);
                    return;
                }

                _latestBooks[topic] = snapshot;
                Publish(new OrderBookChanged(topic, now, snapshot));
                break;
            case OrderBookUpdateResult.Gap:
                Resync(connection, topic, update.Symbol, "gap", update.UpdateId, before);
                break;
            case OrderBookUpdateResult.Stale:
                Resync(connection, topic, update.Symbol, "out-of-order", update.UpdateId, before);
                break;
            case OrderBookUpdateResult.AwaitingSnapshot:
                // Deltas after a dropped book are worthless until the snapshot asked for arrives.
                break;
        }
    }

    private void Resync(StreamConnection connection, string topic, InstrumentSymbol symbol, string reason, long updateId, long bookUpdateId)
    {
        Log.OrderBookResync(_logger, connection.Name, topic, reason, updateId, bookUpdateId);
        _metrics.OrderBookResyncs.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("reason", reason));
        _books[topic] = new OrderBook(symbol);
        _latestBooks.TryRemove(topic, out _);
        Publish(new OrderBookResynchronizing(topic, _clock.GetUtcNow(), symbol, reason));
        connection.Resubscribe(topic);
    }

    private void BadPayload(StreamConnection connection, string topic, string problem)
    {
        Log.BadPayload(_logger, connection.Name, topic, problem);
        _metrics.BadPayloads.Add(1, new KeyValuePair<string, object?>("stream", "public"), new KeyValuePair<string, object?>("topic", topic));
        if (!connection.Topics.Contains(topic))
        {
            return;
        }

        if (topic.StartsWith("orderbook.", StringComparison.Ordinal) && _books.TryGetValue(topic, out var book))
        {
            Resync(connection, topic, book.Symbol, "bad payload", 0, book.UpdateId);
            return;
        }

        _tickers.TryGetValue(topic, out var ticker);
        ticker?.Reset();
        connection.Resubscribe(topic);
    }

    private sealed class Shard
    {
        public StreamConnection Connection { get; set; } = null!;

        public int TopicCount { get; set; }
    }

    private sealed class Handler(BybitPublicStreamClient stream) : IStreamHandler
    {
        public bool TryDecodeRaw(StreamConnection connection, ReadOnlySpan<byte> frame) => stream.TryDecodeRaw(connection, frame);

        public Task AuthenticateAsync(StreamConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask SessionStartedAsync(StreamConnection connection, bool isReconnect, CancellationToken cancellationToken)
        {
            if (isReconnect)
            {
                stream.Publish(new MarketStreamReconnected(connection.Name, stream._clock.GetUtcNow(), connection.Topics));
            }

            return ValueTask.CompletedTask;
        }

        public void SessionEnded(StreamConnection connection)
        {
            // Drop what this connection built: books and tickers start again from the snapshots of the next session.
            foreach (var topic in connection.Topics)
            {
                stream.ForgetState(topic);
            }
        }

        public ValueTask DataAsync(StreamConnection connection, JsonElement message, CancellationToken cancellationToken)
        {
            var topic = PublicMessageParser.Topic(message);
            if (topic is null)
            {
                stream.BadPayload(connection, "(none)", "a data frame without a topic");
                return ValueTask.CompletedTask;
            }

            try
            {
                stream.Decode(connection, topic, message);
            }
            catch (Exception exception) when (exception is FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException or OverflowException or IndexOutOfRangeException or JsonException)
            {
                stream.BadPayload(connection, topic, exception.GetType().Name + ": " + exception.Message);
            }

            return ValueTask.CompletedTask;
        }

        public void Malformed(StreamConnection connection, string? topic, string problem) =>
            stream.BadPayload(connection, topic ?? "(unknown)", problem);
    }
}
