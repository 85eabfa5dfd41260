using BreakoutBot.Bybit.WebSocket;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// The upstream's public stream through our own <see cref="BybitPublicStreamClient"/> (which keeps the books, pings and
/// reconnects). A topic is subscribed upstream while at least one listener here wants it (a stream subscriber of ours,
/// or the matching of a symbol we have traded) and unsubscribed when the last one leaves. One reader hands each decoded
/// event to its topic's listeners; a reconnect is handed to the listeners of every topic of that connection.
/// </summary>
public sealed class UpstreamSubscriptions(BybitPublicStreamClient client, ILogger<UpstreamSubscriptions> logger) : BackgroundService
{
    private readonly Dictionary<string, List<Action<MarketStreamEvent>>> _listeners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The topics someone here listens to (each subscribed upstream).</summary>
    public IReadOnlyCollection<string> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _listeners.Keys];
            }
        }
    }

    /// <summary>Adds a listener; the first one of a topic subscribes it upstream (and waits for the venue's answer).</summary>
    /// <exception cref="BybitStreamException">The upstream refused the topic.</exception>
    public async Task ListenAsync(string topic, Action<MarketStreamEvent> listener, CancellationToken cancellationToken)
    {
        if (!Add(topic, listener))
        {
            return;
        }

        try
        {
            await client.SubscribeAsync([topic], cancellationToken);
        }
        catch
        {
            Forget(topic, listener);
            throw;
        }
    }

    /// <summary>Adds a listener without waiting; a refused subscription is logged.</summary>
    public void Listen(string topic, Action<MarketStreamEvent> listener) => _ = ListenQuietlyAsync(topic, listener);

    /// <summary>Removes a listener; the last one of a topic unsubscribes it upstream.</summary>
    public void Forget(string topic, Action<MarketStreamEvent> listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(topic, out var list) || !list.Remove(listener) || list.Count > 0)
            {
                return;
            }

            _listeners.Remove(topic);
        }

        _ = UnsubscribeQuietlyAsync(topic);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in client.Events.ReadAllAsync(stoppingToken))
            {
                IEnumerable<string> topics = message is MarketStreamReconnected reconnected ? reconnected.Topics : [message.Topic];
                foreach (var topic in topics)
                {
                    foreach (var listener in ListenersOf(topic))
                    {
                        listener(message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await client.DisposeAsync();
    }

    private bool Add(string topic, Action<MarketStreamEvent> listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(topic, out var list))
            {
                _listeners[topic] = list = [];
            }

            list.Add(listener);
            return list.Count == 1;
        }
    }

    private Action<MarketStreamEvent>[] ListenersOf(string topic)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(topic, out var list) ? [.. list] : [];
        }
    }

    private async Task ListenQuietlyAsync(string topic, Action<MarketStreamEvent> listener)
    {
        try
        {
            await ListenAsync(topic, listener, CancellationToken.None);
        }
        catch (Exception exception) when (exception is BybitStreamException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            Log.UpstreamSubscribeFailed(logger, topic, exception.Message);
        }
    }

    private async Task UnsubscribeQuietlyAsync(string topic)
    {
        try
        {
            await client.UnsubscribeAsync(topic);
        }
        catch (Exception exception) when (exception is BybitStreamException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            Log.UpstreamSubscribeFailed(logger, topic, exception.Message);
        }
    }
}
