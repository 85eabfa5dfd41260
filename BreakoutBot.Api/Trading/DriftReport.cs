using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Paging;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Trading;

/// <summary><c>GET /api/trading/drift</c>: what reconciliation found between the venue and our books, newest first.</summary>
public static class DriftReport
{
    /// <param name="kind"><c>external</c>, <c>size</c>, <c>missing</c> or <c>unprotected</c>.</param>
    public static async Task<Results<Ok<Page<DriftView>>, ValidationProblem>> Drift(
        TradingDbContext database,
        string? symbol,
        string? kind,
        string? positionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        validation.Word(positionId, nameof(positionId));
        if (kind is not (null or "external" or "size" or "missing" or "unprotected"))
        {
            validation.Add(nameof(kind), "must be external, size, missing or unprotected");
        }

        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.Drifts.AsNoTracking();
        query = symbol is null ? query : query.Where(drift => drift.Symbol == symbol);
        query = kind is null ? query : query.Where(drift => drift.Kind == kind);
        query = positionId is null ? query : query.Where(drift => drift.PositionId == positionId);
        query = start is null ? query : query.Where(drift => drift.FoundAt >= start);
        query = end is null ? query : query.Where(drift => drift.FoundAt <= end);
        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(drift => drift.FoundAt).ThenBy(drift => drift.DriftId), number, size, cancellationToken);
        return TypedResults.Ok(new Page<DriftView>([.. rows.Select(ToView)], number, size, total));
    }

    internal static DriftView ToView(DriftRecord drift) =>
        new(drift.DriftId, drift.Kind, drift.Symbol, drift.PositionId, drift.OursQuantity, drift.VenueQuantity, drift.Action, drift.FoundAt);
}
