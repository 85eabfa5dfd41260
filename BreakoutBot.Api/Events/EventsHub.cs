using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Contracts.Scanner;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace BreakoutBot.Api.Events;

/// <summary>
/// The live event stream at <c>/hubs/events</c>. The server pushes every event from <c>trading-events</c> and
/// <c>signals</c> under the message type's name (<c>OrderUpdated</c>, <c>FillRecorded</c>, …) and throttled
/// <c>ScanSnapshot</c>s. Clients call <see cref="GetMissedEvents"/> after a reconnect.
/// </summary>
[Authorize(Policy = ApiKeyDefaults.ReaderPolicy)]
public sealed class EventsHub(EventHistory history, RedisSnapshots snapshots) : Hub
{
    /// <summary>Events of <paramref name="stream"/> after <paramref name="afterEntryId"/> (null: the oldest kept), oldest first.</summary>
    public async Task<IReadOnlyList<HubEvent>> GetMissedEvents(string stream, string? afterEntryId, int limit)
    {
        if (!EventHistory.Streams.Contains(stream, StringComparer.Ordinal))
        {
            throw new HubException($"stream must be one of: {string.Join(", ", EventHistory.Streams)}");
        }

        if (afterEntryId is not null && !EventHistory.IsEntryId(afterEntryId))
        {
            throw new HubException("afterEntryId must be a stream entry id such as 1764158400000-0");
        }

        if (limit is < 1 or > EventHistory.MaxReplay)
        {
            throw new HubException($"limit must be between 1 and {EventHistory.MaxReplay}");
        }

        return await history.ReadAfterAsync(stream, afterEntryId, limit);
    }

    /// <summary>The latest scan snapshot, or null before the first scan.</summary>
    public Task<ScanSnapshot?> GetLatestScan() => snapshots.ScanLatestAsync();
}
