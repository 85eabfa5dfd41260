using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreakoutBot.Api.Events;

/// <summary><c>GET /api/events</c>: what a client missed since an entry id (the REST twin of the hub's <c>GetMissedEvents</c>).</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/events", Missed).WithTags("Events").WithName("ListEventsSince").RequireReader();
        endpoints.MapHub<EventsHub>(HubEventNames.HubPath);
        return endpoints;
    }

    /// <param name="stream"><c>trading-events</c> (default) or <c>signals</c>.</param>
    /// <param name="after">The last entry id the client has; omitted: from the oldest kept entry.</param>
    /// <param name="limit">1-1000, default 500.</param>
    public static async Task<Results<Ok<IReadOnlyList<HubEvent>>, ValidationProblem>> Missed(
        EventHistory history, string? stream, string? after, int? limit)
    {
        ArgumentNullException.ThrowIfNull(history);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = stream ?? StreamNames.TradingEvents;
        if (!EventHistory.Streams.Contains(name, StringComparer.Ordinal))
        {
            errors[nameof(stream)] = [$"must be one of: {string.Join(", ", EventHistory.Streams)}"];
        }

        if (after is not null && !EventHistory.IsEntryId(after))
        {
            errors[nameof(after)] = ["must be a stream entry id such as 1764158400000-0"];
        }

        var count = limit ?? 500;
        if (count is < 1 or > EventHistory.MaxReplay)
        {
            errors[nameof(limit)] = [$"must be between 1 and {EventHistory.MaxReplay}"];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : TypedResults.Ok(await history.ReadAfterAsync(name, after, count));
    }
}
