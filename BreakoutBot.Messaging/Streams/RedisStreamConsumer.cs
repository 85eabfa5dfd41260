using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;

namespace BreakoutBot.Messaging.Streams;

/// <summary>
/// A consumer-group member of one stream: at-least-once delivery. It first re-reads its own unacknowledged entries
/// (a restart after a crash), claims entries another member left pending for too long, then reads new entries,
/// waking on the publisher's pub/sub notification instead of polling. Unreadable entries are moved to
/// <c>{stream}:dead</c> with the reason and acknowledged, so one bad message never blocks the stream.
/// </summary>
public sealed class RedisStreamConsumer(IConnectionMultiplexer redis, StreamConsumerOptions options) : IAsyncDisposable
{
    private const int BatchSize = 64;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private ChannelMessageQueue? _notifications;

    public StreamConsumerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Creates the group (and the stream) if missing.</summary>
    public async Task EnsureGroupAsync()
    {
        var database = redis.GetDatabase();
        try
        {
            await database.StreamCreateConsumerGroupAsync(
                Options.Stream, Options.Group, Options.StartFromBeginning ? StreamPosition.Beginning : StreamPosition.NewMessages, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: its position is kept, which is the point of a consumer group.
        }
    }

    /// <summary>Entries for this member, until <paramref name="cancellationToken"/> fires. Acknowledge each when handled.</summary>
    public async IAsyncEnumerable<ReceivedMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureGroupAsync();
        await SubscribeAsync();
        var database = redis.GetDatabase();

        // Own pending entries first: delivered before a crash, never acknowledged.
        foreach (var message in await ReadGroupAsync(database, "0"))
        {
            yield return message;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = await ClaimStaleAsync(database);
            foreach (var message in claimed)
            {
                yield return message;
            }

            var fresh = await ReadGroupAsync(database, ">");
            foreach (var message in fresh)
            {
                yield return message;
            }

            if (claimed.Count == 0 && fresh.Count == 0)
            {
                try
                {
                    await _wake.WaitAsync(Options.WakeInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
    }

    public async Task AcknowledgeAsync(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await redis.GetDatabase().StreamAcknowledgeAsync(Options.Stream, Options.Group, message.EntryId);
    }

    /// <summary>Moves an entry that can never be handled to the dead-letter stream and acknowledges it.</summary>
    public async Task DeadLetterAsync(ReceivedMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var database = redis.GetDatabase();
        await database.StreamAddAsync(
            DeadLetterStream(Options.Stream),
            [
                new NameValueEntry("entryId", message.EntryId),
                new NameValueEntry("group", Options.Group),
                new NameValueEntry("reason", reason),
                new NameValueEntry(RedisStreamPublisher.EnvelopeField, message.Envelope is null ? "" : JsonSerializer.Serialize(message.Envelope, MessageJson.Options)),
            ],
            maxLength: 10_000,
            useApproximateMaxLength: true);
        await AcknowledgeAsync(message);
    }

    public static string DeadLetterStream(string stream) => $"{stream}:dead";

    public async ValueTask DisposeAsync()
    {
        if (_notifications is not null)
        {
            await _notifications.UnsubscribeAsync();
        }

        _wake.Dispose();
    }

    private async Task SubscribeAsync()
    {
        if (_notifications is not null)
        {
            return;
        }

        _notifications = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisKeys.StreamNotification(Options.Stream)));
        _notifications.OnMessage(_ =>
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        });
    }

    private async Task<List<ReceivedMessage>> ReadGroupAsync(IDatabase database, string position)
    {
        var entries = await database.StreamReadGroupAsync(Options.Stream, Options.Group, Options.Consumer, position, BatchSize);
        return position == ">" ? [.. entries.Select(entry => Decode(entry, 1))] : await WithDeliveryCountsAsync(database, entries);
    }

    private async Task<List<ReceivedMessage>> ClaimStaleAsync(IDatabase database)
    {
        var result = await database.StreamAutoClaimAsync(
            Options.Stream, Options.Group, Options.Consumer, (long)Options.ReclaimIdleAfter.TotalMilliseconds, "0-0", BatchSize);
        return await WithDeliveryCountsAsync(database, [.. result.ClaimedEntries.Where(entry => !entry.IsNull)]);
    }

    /// <summary>
    /// Entries delivered before (our own pending ones, or claimed from a stalled member) with the group's real delivery
    /// count (XPENDING), so a message that keeps failing reaches the dead-letter limit instead of coming back forever.
    /// </summary>
    private async Task<List<ReceivedMessage>> WithDeliveryCountsAsync(IDatabase database, StreamEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return [];
        }

        var pending = await database.StreamPendingMessagesAsync(
            Options.Stream, Options.Group, Math.Max(BatchSize, entries.Length * 4), Options.Consumer, entries[0].Id, entries[^1].Id);
        var counts = pending.ToDictionary(message => message.MessageId.ToString(), message => (long)message.DeliveryCount, StringComparer.Ordinal);
        return [.. entries.Select(entry => Decode(entry, counts.GetValueOrDefault(entry.Id.ToString(), 2)))];
    }

    private static ReceivedMessage Decode(StreamEntry entry, long deliveryCount)
    {
        var raw = entry[RedisStreamPublisher.EnvelopeField];
        if (raw.IsNullOrEmpty)
        {
            return new ReceivedMessage(entry.Id.ToString(), null, $"entry has no '{RedisStreamPublisher.EnvelopeField}' field", deliveryCount);
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<MessageEnvelope>(raw.ToString(), MessageJson.Options);
            return envelope is null || string.IsNullOrEmpty(envelope.Id) || string.IsNullOrEmpty(envelope.Type)
                ? new ReceivedMessage(entry.Id.ToString(), null, "envelope lacks id or type", deliveryCount)
                : new ReceivedMessage(entry.Id.ToString(), envelope, null, deliveryCount);
        }
        catch (JsonException exception)
        {
            return new ReceivedMessage(entry.Id.ToString(), null, $"envelope is not valid JSON: {exception.Message}", deliveryCount);
        }
    }
}
