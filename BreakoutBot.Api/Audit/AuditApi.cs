using System.Text.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Paging;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Audit;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Audit;

/// <summary><c>/api/audit</c>: operator commands and system decisions, newest first.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/audit").WithTags("Audit").RequireReader()
            .MapGet("/", List).WithName("ListAuditEntries");
        return endpoints;
    }

    public static async Task<Results<Ok<Page<AuditEntryView>>, ValidationProblem>> List(
        TradingDbContext database,
        string? actor,
        string? action,
        string? source,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Actor(actor, nameof(actor));
        validation.Word(action, nameof(action));
        validation.Word(source, nameof(source));
        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.AuditLog.AsNoTracking();
        query = actor is null ? query : query.Where(entry => entry.Actor == actor);
        query = action is null ? query : query.Where(entry => entry.Action == action);
        query = source is null ? query : query.Where(entry => entry.Source == source);
        query = start is null ? query : query.Where(entry => entry.OccurredAt >= start);
        query = end is null ? query : query.Where(entry => entry.OccurredAt <= end);
        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(entry => entry.Id), number, size, cancellationToken);
        return TypedResults.Ok(new Page<AuditEntryView>(
            [.. rows.Select(row => new AuditEntryView(row.Id, row.OccurredAt, row.Source, row.Actor, row.Action, row.Outcome, Details(row.DetailsJson), row.CorrelationId))],
            number,
            size,
            total));
    }

    private static JsonElement? Details(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
