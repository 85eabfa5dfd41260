using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>/v5/public/linear</c>: subscribe/unsubscribe with Bybit's answers, ping → pong, a per-connection topic limit,
/// and the topic feeds (kline, tickers, orderbook, publicTrade) ticked every <see cref="SimulatorStreamOptions.PushIntervalMs"/>.
/// </summary>
public sealed class PublicStreamHub : BackgroundService
{
    private readonly IPublicTopics _sources;
    private readonly WebSocketFaults _faults;
    private readonly StreamConnectionRegistry _registry;
    private readonly SimulatorStreamOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PublicStreamHub> _logger;
    private readonly ConcurrentDictionary<string, TopicFeed> _topics = new(StringComparer.Ordinal);

    internal PublicStreamHub(
        IPublicTopics sources,
        WebSocketFaults faults,
        StreamConnectionRegistry registry,
        IOptions<SimulatorStreamOptions> options,
        TimeProvider clock,
        ILogger<PublicStreamHub> logger)
    {
        _sources = sources;
        _faults = faults;
        _registry = registry;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public Task HandleAsync(HttpContext context) =>
        StreamSocket.RunAsync(context, isPrivate: false, _options, _faults, _registry, _clock, _logger, OnRequest, OnClosed);

    /// <summary>Sends a frame as it is to the subscribers of <paramref name="topic"/>; returns how many got it.</summary>
    public int Inject(string topic, byte[] frame) => _topics.TryGetValue(topic, out var feed) ? feed.Inject(frame) : 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.PushIntervalMs), _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var feed in _topics.Values)
                {
                    feed.Tick();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void OnRequest(StreamClient client, JsonElement request)
    {
        var op = StreamSocket.Op(request);
        var requestId = StreamFrames.RequestId(request);
        switch (op)
        {
            case "ping":
                client.Enqueue(StreamFrames.PublicAnswer("ping", true, "pong", client.ConnectionId, requestId));
                break;
            case "subscribe":
                Subscribe(client, request, requestId);
                break;
            case "unsubscribe":
                var topics = StreamSocket.StringArgs(request) ?? [];
                client.RemoveTopics(topics);
                foreach (var topic in topics)
                {
                    if (_topics.TryGetValue(topic, out var feed))
                    {
                        feed.Unsubscribe(client);
                    }
                }

                client.Enqueue(StreamFrames.PublicAnswer("unsubscribe", true, "", client.ConnectionId, requestId));
                break;
            default:
                client.Enqueue(StreamFrames.PublicAnswer(op, false, $"error:unknown op '{op}'", client.ConnectionId, requestId));
                break;
        }
    }

    private void Subscribe(StreamClient client, JsonElement request, string requestId)
    {
        if (StreamSocket.StringArgs(request) is not { Count: > 0 } topics)
        {
            client.Enqueue(StreamFrames.PublicAnswer("subscribe", false, "error:args must be a non-empty array of topics", client.ConnectionId, requestId));
            return;
        }

        // Like Bybit: the known topics are subscribed even when others in the same request are not; the one answer
        // fails and names each unknown topic.
        var feeds = new List<TopicFeed>();
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var topic in topics)
        {
            if (FeedFor(topic) is { } feed)
            {
                feeds.Add(feed);
                known.Add(topic);
            }
            else
            {
                unknown.Add(topic);
            }
        }

        if (known.Count > 0 && client.TryAddTopics(known, _options.MaxTopicsPerConnection) is { } refusal)
        {
            client.Enqueue(StreamFrames.PublicAnswer("subscribe", false, refusal, client.ConnectionId, requestId));
            return;
        }

        var message = unknown.Count == 0 ? "" : string.Join(';', unknown.Select(topic => $"error:handler not found,topic:{topic}"));
        // The answer first, then each topic's snapshot: Bybit's order.
        client.Enqueue(StreamFrames.PublicAnswer("subscribe", unknown.Count == 0, message, client.ConnectionId, requestId));
        foreach (var feed in feeds)
        {
            feed.Subscribe(client);
        }
    }

    private void OnClosed(StreamClient client)
    {
        foreach (var topic in client.Topics)
        {
            if (_topics.TryGetValue(topic, out var feed))
            {
                feed.Unsubscribe(client);
            }
        }
    }

    private TopicFeed? FeedFor(string topic)
    {
        if (_topics.TryGetValue(topic, out var existing))
        {
            return existing;
        }

        var created = _sources.Create(topic);
        return created is null ? null : _topics.GetOrAdd(topic, created);
    }
}
