using System.Text.RegularExpressions;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Messaging.Streams;

namespace BreakoutBot.Api.Events;

/// <summary>Replays stream entries after an entry id: what a reconnecting client missed.</summary>
public sealed partial class EventHistory(RedisStreamReader reader)
{
    public const int MaxReplay = 1_000;

    /// <summary>The streams a client may follow: the Executor's events and the Scanner's signals.</summary>
    public static IReadOnlyList<string> Streams { get; } = [StreamNames.TradingEvents, StreamNames.Signals];

    public static bool IsEntryId(string? text) => text is not null && EntryIdPattern().IsMatch(text);

    public async Task<IReadOnlyList<HubEvent>> ReadAfterAsync(string stream, string? afterEntryId, int limit)
    {
        var entries = await reader.ReadAfterAsync(stream, afterEntryId, Math.Clamp(limit, 1, MaxReplay));
        return [.. entries.Select(entry => ToHubEvent(stream, entry.EntryId, entry.Envelope))];
    }

    /// <summary>
    /// The next entries for a follower: readable ones as hub events, unreadable ones with why (to log and count), and
    /// the last entry id looked at, so the follower's cursor moves past a bad entry instead of failing on it again.
    /// </summary>
    public async Task<(IReadOnlyList<HubEvent> Events, IReadOnlyList<(string EntryId, string Reason)> Unreadable, string? LastEntryId)> ReadBatchAsync(
        string stream, string? afterEntryId, int limit)
    {
        var batch = await reader.ReadBatchAsync(stream, afterEntryId, Math.Clamp(limit, 1, MaxReplay));
        return ([.. batch.Entries.Select(entry => ToHubEvent(stream, entry.EntryId, entry.Envelope))], batch.Unreadable, batch.LastEntryId);
    }

    public static HubEvent ToHubEvent(string stream, string entryId, MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new HubEvent(
            stream, entryId, envelope.Type, envelope.Version, envelope.Id, envelope.OccurredAt.ToUniversalTime(), envelope.CorrelationId, envelope.Payload);
    }

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryIdPattern();
}
