using System.Text.Json;
using StackExchange.Redis;

namespace BreakoutBot.Messaging.Streams;

/// <summary>Reads a stream without a consumer group: replay since an entry id (what a reconnecting client missed).</summary>
public sealed class RedisStreamReader(IConnectionMultiplexer redis)
{
    /// <summary>Entries strictly after <paramref name="afterEntryId"/> (null: from the start), oldest first, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<(string EntryId, MessageEnvelope Envelope)>> ReadAfterAsync(string stream, string? afterEntryId, int count)
    {
        var start = afterEntryId is null ? "-" : "(" + afterEntryId;
        var entries = await redis.GetDatabase().StreamRangeAsync(stream, start, "+", count);
        var result = new List<(string, MessageEnvelope)>(entries.Length);
        foreach (var entry in entries)
        {
            var raw = entry[RedisStreamPublisher.EnvelopeField];
            if (!raw.IsNullOrEmpty && JsonSerializer.Deserialize<MessageEnvelope>(raw.ToString(), MessageJson.Options) is { } envelope)
            {
                result.Add((entry.Id.ToString(), envelope));
            }
        }

        return result;
    }

    /// <summary>The newest entry id of the stream, or null when it is empty.</summary>
    public async Task<string?> LastEntryIdAsync(string stream)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(stream, "-", "+", 1, Order.Descending);
        return entries.Length == 0 ? null : entries[0].Id.ToString();
    }
}
