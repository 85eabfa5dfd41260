using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Trading;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>Reconciliation: our positions refreshed and protected, then the <see cref="Reconciler"/> compares with the venue.</summary>
public sealed partial class TradingEngine
{
    /// <summary>
    /// Our active positions are refreshed order by order (fills missed while down are booked, an entry sent just
    /// before a crash is found by its orderLinkId and protected, never sent again). Then the venue's positions are
    /// compared (<see cref="Reconciler.CompareWithVenueAsync"/>): one we do not know is flagged External (reported, not
    /// traded); a size that differs from ours is drift; one of ours the venue no longer shows was closed outside the
    /// executor and is closed out from the venue's executions. Every difference is a metric, a log line and a
    /// <see cref="Messaging.Messages.ReconciliationDrift"/> event.
    /// </summary>
    private async Task ReconcileCoreAsync(CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("positions.reconcile");
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        var active = await database.Positions
            .Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing)
            .ToListAsync(cancellationToken);
        await venueFacts.RefreshAsync(cancellationToken);
        await funding.BookAsync(database, active, cancellationToken);
        foreach (var position in active)
        {
            var correlationId = position.SignalId ?? position.PositionId;
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status == PositionRecordStatus.Open && StopPlacement == StopPlacement.Venue && venueFacts.InstrumentOf(position.Symbol) is { } instrument
                && !await database.Orders.AnyAsync(order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.StopLoss
                    && order.Status != OrderRecordStatus.Filled && order.Status != OrderRecordStatus.Cancelled && order.Status != OrderRecordStatus.Rejected && order.Status != OrderRecordStatus.Deactivated, cancellationToken))
            {
                reconciler.ReportDrift(database, "unprotected", position.Symbol, position.OpenQuantity * position.Direction.Sign(), null, "stop placed", position.PositionId);
                await KeepProtectedAsync(database, position, instrument, correlationId, cancellationToken);
            }
        }

        foreach (var closedOutside in await reconciler.CompareWithVenueAsync(database, cancellationToken))
        {
            await CloseOutsideClosedAsync(database, closedOutside, cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Our Open or Closing position whose symbol the venue shows flat was closed outside the executor (by hand on the
    /// exchange, a liquidation, a position-level TP/SL). Refreshed once more first (our own exit may have filled a moment
    /// ago); then the venue's closing executions that are not our orders are booked as the exit, and the position
    /// becomes a trade like any other.
    /// </summary>
    private async Task CloseOutsideClosedAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        var correlationId = position.SignalId ?? position.PositionId;
        await RefreshPositionAsync(database, position, correlationId, cancellationToken);
        if (position.Status is not (PositionRecordStatus.Open or PositionRecordStatus.Closing) || position.OpenQuantity <= 0)
        {
            return;
        }

        var ours = position.OpenQuantity * position.Direction.Sign();
        var booked = await reconciler.BookOutsideExitsAsync(database, position, correlationId, cancellationToken);
        var unaccounted = position.OpenQuantity;
        position.OpenQuantity = 0;
        position.ExitReason = unaccounted > 0
            ? $"closed outside the executor; {unaccounted} without a venue execution to price it"
            : "closed outside the executor";
        await FinishAsync(database, position, correlationId, cancellationToken);
        reconciler.ReportDrift(database, "missing", position.Symbol, ours, 0m,
            $"closed out: {booked} booked from the venue's executions" + (unaccounted > 0 ? $", {unaccounted} unaccounted" : ""), position.PositionId);
        Audit(database, SystemActor, "reconcile.closed-outside", "closed out", new { position = position.PositionId, symbol = position.Symbol, booked, unaccounted }, correlationId, clock.GetUtcNow());
        await database.SaveChangesAsync(cancellationToken);
    }
}
