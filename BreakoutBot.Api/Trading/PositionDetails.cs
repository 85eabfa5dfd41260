using BreakoutBot.Contracts.Trading;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Trading;

/// <summary>
/// What a position view shows beyond its own row: the entry plan with its progress (from the stored plan and the entry
/// orders) and the drift reconciliation found on it. Loaded for a page of positions in two queries.
/// </summary>
internal sealed class PositionDetails
{
    /// <summary>Drift findings shown per position, newest first.</summary>
    public const int DriftPerPosition = 20;

    private readonly Dictionary<string, (int Sent, decimal Filled)> _entryOrders;
    private readonly ILookup<string, DriftView> _drift;

    private PositionDetails(Dictionary<string, (int Sent, decimal Filled)> entryOrders, ILookup<string, DriftView> drift)
    {
        _entryOrders = entryOrders;
        _drift = drift;
    }

    public static async Task<PositionDetails> LoadAsync(TradingDbContext database, IReadOnlyCollection<PositionRecord> positions, CancellationToken cancellationToken)
    {
        var ids = positions.Select(position => position.PositionId).ToList();
        var planned = positions.Where(position => position.EntryPlan is not null).Select(position => position.PositionId).ToList();
        var entryOrders = await database.Orders.AsNoTracking()
            .Where(order => order.PositionId != null && planned.Contains(order.PositionId) && order.Purpose == OrderPurpose.Entry)
            .GroupBy(order => order.PositionId!)
            .Select(group => new { PositionId = group.Key, Sent = group.Count(), Filled = group.Sum(order => order.FilledQuantity) })
            .ToDictionaryAsync(row => row.PositionId, row => (row.Sent, row.Filled), cancellationToken);
        var drift = await database.Drifts.AsNoTracking()
            .Where(row => row.PositionId != null && ids.Contains(row.PositionId))
            .OrderByDescending(row => row.FoundAt)
            .Take(DriftPerPosition * Math.Max(1, ids.Count))
            .ToListAsync(cancellationToken);
        return new PositionDetails(entryOrders, drift.ToLookup(row => row.PositionId!, DriftReport.ToView));
    }

    public PositionView Complete(PositionView view, PositionRecord row) => view with
    {
        Entry = EntryOf(row),
        Drift = [.. _drift[row.PositionId].Take(DriftPerPosition)],
    };

    private EntryPlanView? EntryOf(PositionRecord row)
    {
        if (row.EntryPlan is not { } plan)
        {
            return null;
        }

        var (sent, filled) = _entryOrders.GetValueOrDefault(row.PositionId);
        return new EntryPlanView(
            plan.Slices.Count, plan.Slices.Sum(), sent, filled, plan.PassiveAllowed, plan.StartedAt, plan.StartedAt + plan.Deadline, plan.StoppedReason);
    }
}
