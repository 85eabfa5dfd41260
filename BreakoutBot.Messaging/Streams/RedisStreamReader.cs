using System.Text.Json;
using StackExchange.Redis;

namespace BreakoutBot.Messaging.Streams;

/// <summary>Reads a stream without a consumer group: replay since an entry id (what a reconnecting client missed).</summary>
public sealed class RedisStreamReader(IConnectionMultiplexer redis)
{
    /// <summary>An envelope larger than this is not read (a stream entry is a message, not a payload store).</summary>
    public const int MaxEnvelopeBytes = 256 * 1024;

    /// <summary>Entries strictly after <paramref name="afterEntryId"/> (null: from the start), oldest first, at most <paramref name="count"/>; unreadable ones left out.</summary>
    public async Task<IReadOnlyList<(string EntryId, MessageEnvelope Envelope)>> ReadAfterAsync(string stream, string? afterEntryId, int count) =>
        (await ReadBatchAsync(stream, afterEntryId, count)).Entries;

    /// <summary>
    /// Like <see cref="ReadAfterAsync"/>, and also says which entries could not be read (not JSON, no envelope, no id or
    /// type, too large) and the last entry id looked at, so a follower moves past them instead of failing on them.
    /// </summary>
    public async Task<StreamBatch> ReadBatchAsync(string stream, string? afterEntryId, int count)
    {
        var start = afterEntryId is null ? "-" : "(" + afterEntryId;
        var entries = await redis.GetDatabase().StreamRangeAsync(stream, start, "+", count);
        var result = new List<(string, MessageEnvelope)>(entries.Length);
        var unreadable = new List<(string, string)>();
        foreach (var entry in entries)
        {
            var id = entry.Id.ToString();
            if (Decode(entry) is { } envelope)
            {
                result.Add((id, envelope));
            }
            else
            {
                unreadable.Add((id, WhyUnreadable(entry)));
            }
        }

        return new StreamBatch(result, unreadable, entries.Length == 0 ? null : entries[^1].Id.ToString());
    }

    /// <summary>The newest entry id of the stream, or null when it is empty.</summary>
    public async Task<string?> LastEntryIdAsync(string stream)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(stream, "-", "+", 1, Order.Descending);
        return entries.Length == 0 ? null : entries[0].Id.ToString();
    }

    private static MessageEnvelope? Decode(StreamEntry entry)
    {
        var raw = entry[RedisStreamPublisher.EnvelopeField];
        if (raw.IsNullOrEmpty || ((byte[])raw!).Length > MaxEnvelopeBytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<MessageEnvelope>(raw.ToString(), MessageJson.Options) is { Id.Length: > 0, Type.Length: > 0, Payload.ValueKind: not JsonValueKind.Undefined } envelope
                ? envelope
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string WhyUnreadable(StreamEntry entry)
    {
        var raw = entry[RedisStreamPublisher.EnvelopeField];
        if (raw.IsNullOrEmpty)
        {
            return $"no '{RedisStreamPublisher.EnvelopeField}' field";
        }

        var bytes = ((byte[])raw!).Length;
        return bytes > MaxEnvelopeBytes ? $"envelope of {bytes} bytes, above {MaxEnvelopeBytes}" : "envelope is not valid JSON or lacks its id or type";
    }
}

/// <summary>One read of a stream: the readable entries, the unreadable ones with why, and the last entry id looked at.</summary>
public sealed record StreamBatch(
    IReadOnlyList<(string EntryId, MessageEnvelope Envelope)> Entries,
    IReadOnlyList<(string EntryId, string Reason)> Unreadable,
    string? LastEntryId);
