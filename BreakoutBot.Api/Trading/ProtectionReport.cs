using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Paging;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Trading;

/// <summary><c>GET /api/trading/protection</c>: the protection coverage of positions (see <see cref="ProtectionView"/>).</summary>
public static class ProtectionReport
{
    /// <summary>Statuses after which the venue changes nothing about an order (Bybit's, and our Rejected).</summary>
    private static readonly OrderRecordStatus[] TerminalStatuses = [.. Enum.GetValues<OrderRecordStatus>().Where(status => status.IsTerminal())];

    public static async Task<Results<Ok<ProtectionView>, ValidationProblem>> Protection(
        TradingDbContext database, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var positions = database.Positions.AsNoTracking().Where(position => position.Origin != PositionOrigin.External);
        positions = start is null ? positions : positions.Where(position => position.OpenedAt >= start);
        positions = end is null ? positions : positions.Where(position => position.OpenedAt <= end);
        var rows = await positions
            .Select(position => new { position.Status, position.UnprotectedSince, position.UnprotectedSeconds, position.LongestUnprotectedSeconds })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var running = rows.Select(row => RunningSeconds(row.Status, row.UnprotectedSince, now)).ToList();

        var working = database.Orders.AsNoTracking().Where(order => !TerminalStatuses.Contains(order.Status));
        var orphans = await working.CountAsync(order => order.Status != OrderRecordStatus.Pending
            && (order.PositionId == null || database.Positions.Any(position => position.PositionId == order.PositionId && position.Status == PositionRecordStatus.Closed)), cancellationToken);
        var unknown = await working.CountAsync(order => order.Status == OrderRecordStatus.Pending, cancellationToken);
        return TypedResults.Ok(new ProtectionView(
            rows.Count,
            rows.Count(row => row.UnprotectedSince is not null && row.Status != PositionRecordStatus.Closed),
            rows.Count == 0 ? 0 : rows.Select((row, i) => Math.Max(row.LongestUnprotectedSeconds, running[i])).Max(),
            rows.Sum(row => row.UnprotectedSeconds) + running.Sum(),
            orphans,
            unknown));
    }

    /// <summary>Seconds of the position's ended exposures plus the one running now, if any.</summary>
    internal static decimal UnprotectedSeconds(PositionRecord position, DateTimeOffset now) =>
        position.UnprotectedSeconds + RunningSeconds(position.Status, position.UnprotectedSince, now);

    /// <summary>How long the exposure running now has lasted (zero when none runs or the position is closed).</summary>
    private static decimal RunningSeconds(PositionRecordStatus status, DateTimeOffset? since, DateTimeOffset now) =>
        since is { } start && status != PositionRecordStatus.Closed ? Math.Max(0m, (decimal)(now - start).TotalSeconds) : 0m;
}
