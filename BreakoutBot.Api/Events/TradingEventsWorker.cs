using System.Text.Json;
using BreakoutBot.Api.Commands;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BreakoutBot.Api.Events;

/// <summary>
/// Follows <c>signals</c> and <c>trading-events</c> from the moment the Api starts and pushes each entry to every hub
/// client; hands command acknowledgements to the waiting commands; turns <c>ScanCompleted</c> into throttled
/// <c>ScanSnapshot</c> pushes. Reads are woken by the publishers' pub/sub notification (no polling loop); a slow
/// safety read covers a lost notification. Plain XRANGE reads, not a consumer group: every Api instance must see
/// every event.
/// </summary>
internal sealed class TradingEventsWorker(
    IConnectionMultiplexer redis,
    EventHistory history,
    IHubContext<EventsHub> hub,
    CommandAcknowledgements acknowledgements,
    RedisSnapshots snapshots,
    TimeProvider clock,
    IOptions<ApiOptions> options,
    ILogger<TradingEventsWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan SafetyReadInterval = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly Dictionary<string, string> _cursors = new(StringComparer.Ordinal);
    private readonly Lock _scanGate = new();
    private DateTimeOffset _lastScanPush = DateTimeOffset.MinValue;
    private bool _scanPushScheduled;
    private bool _subscribed;

    /// <summary>Completes once the worker has positioned its cursors and subscribed (tests wait for it).</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
            {
                failures++;
                Log.EventStreamFailed(logger, failures, exception);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, failures)), clock, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        foreach (var stream in EventHistory.Streams)
        {
            if (!_subscribed)
            {
                await subscriber.SubscribeAsync(RedisChannel.Literal(RedisKeys.StreamNotification(stream)), (_, _) => Wake());
            }

            if (!_cursors.ContainsKey(stream))
            {
                // Start at the stream's end: clients fetch older events with GetMissedEvents.
                _cursors[stream] = await new RedisStreamReader(redis).LastEntryIdAsync(stream) ?? "0-0";
            }
        }

        _subscribed = true;
        Ready.TrySetResult();
        Log.EventStreamFollowing(logger, _cursors[StreamNames.TradingEvents], _cursors[StreamNames.Signals]);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Events first, then signals: every event read here was published after the signal that caused it, so
            // that signal is in this read or an earlier one. Merged by entry time, a signal always goes out before
            // the orders it caused.
            var events = await history.ReadBatchAsync(StreamNames.TradingEvents, _cursors[StreamNames.TradingEvents], BatchSize);
            var signals = await history.ReadBatchAsync(StreamNames.Signals, _cursors[StreamNames.Signals], BatchSize);
            foreach (var item in signals.Events.Concat(events.Events).OrderBy(item => EntryOrder(item.EntryId)).ThenBy(item => item.Stream == StreamNames.Signals ? 0 : 1))
            {
                try
                {
                    await DispatchAsync(item, stoppingToken);
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or ArgumentException && !stoppingToken.IsCancellationRequested)
                {
                    // One entry that cannot be pushed (a payload of an unexpected shape) is skipped, not retried forever.
                    Log.UnreadableEvent(logger, item.Stream, item.EntryId, exception.Message);
                }

                _cursors[item.Stream] = item.EntryId;
            }

            // Entries nobody can read are logged and counted once, and the cursor moves past them: a bad entry written
            // to a stream never stops the events behind it.
            foreach (var (stream, batch) in new[] { (StreamNames.TradingEvents, events), (StreamNames.Signals, signals) })
            {
                foreach (var (entryId, reason) in batch.Unreadable)
                {
                    Log.UnreadableEvent(logger, stream, entryId, reason);
                }

                if (batch.LastEntryId is { } last && EntryOrder(last).CompareTo(EntryOrder(_cursors[stream])) > 0)
                {
                    _cursors[stream] = last;
                }
            }

            var read = Math.Max(events.Events.Count + events.Unreadable.Count, signals.Events.Count + signals.Unreadable.Count);
            if (read < BatchSize)
            {
                await _wake.WaitAsync(SafetyReadInterval, stoppingToken);
            }
        }
    }

    /// <summary>A stream entry id <c>ms-seq</c> as a sortable pair.</summary>
    private static (long Milliseconds, long Sequence) EntryOrder(string entryId)
    {
        var dash = entryId.IndexOf('-', StringComparison.Ordinal);
        return (long.Parse(entryId.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(entryId.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task DispatchAsync(HubEvent item, CancellationToken stoppingToken)
    {
        if (item.Type == nameof(CommandAcknowledged))
        {
            try
            {
                acknowledgements.Complete(item.Payload.Deserialize<CommandAcknowledged>(MessageJson.Options)!);
            }
            catch (JsonException exception)
            {
                Log.UnreadableEvent(logger, item.Stream, item.EntryId, exception.Message);
            }
        }

        await hub.Clients.All.SendAsync(item.Type, item, stoppingToken);
        if (item.Type == nameof(ScanCompleted))
        {
            ScheduleScanPush(stoppingToken);
        }
    }

    /// <summary>At most one snapshot per interval: the first push is immediate, later ones trail the burst.</summary>
    private void ScheduleScanPush(CancellationToken stoppingToken)
    {
        TimeSpan delay;
        lock (_scanGate)
        {
            if (_scanPushScheduled)
            {
                return;
            }

            _scanPushScheduled = true;
            var due = _lastScanPush + options.Value.ScanPushInterval;
            var now = clock.GetUtcNow();
            delay = due > now ? due - now : TimeSpan.Zero;
        }

        _ = PushScanAsync(delay, stoppingToken);
    }

    private async Task PushScanAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken);
            }

            lock (_scanGate)
            {
                _scanPushScheduled = false;
                _lastScanPush = clock.GetUtcNow();
            }

            if (await snapshots.ScanLatestAsync() is { } snapshot)
            {
                await hub.Clients.All.SendAsync(HubEventNames.ScanSnapshot, snapshot, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (RedisException exception)
        {
            Log.EventStreamFailed(logger, 1, exception);
        }
    }
}
