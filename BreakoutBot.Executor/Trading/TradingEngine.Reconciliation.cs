using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>Reconciliation: the database's view brought to the venue's, and every difference reported.</summary>
public sealed partial class TradingEngine
{
    private readonly DriftMemory _drift = new();

    /// <summary>
    /// Our active positions are refreshed order by order (fills missed while down are booked, an entry sent just
    /// before a crash is found by its orderLinkId and protected, never sent again). Then the venue's positions are
    /// compared: one we do not know is flagged External (reported, not traded); a size that differs from ours is drift;
    /// one of ours the venue no longer shows was closed outside the executor and is closed out from the venue's
    /// executions. Every difference is a metric, a log line and a <see cref="ReconciliationDrift"/> event.
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
        await BookFundingAsync(database, active, cancellationToken);
        foreach (var position in active)
        {
            var correlationId = position.SignalId ?? position.PositionId;
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status == PositionRecordStatus.Open && StopPlacement == StopPlacement.Venue && venueFacts.InstrumentOf(position.Symbol) is { } instrument
                && !await database.Orders.AnyAsync(order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.StopLoss
                    && order.Status != OrderRecordStatus.Filled && order.Status != OrderRecordStatus.Cancelled && order.Status != OrderRecordStatus.Rejected && order.Status != OrderRecordStatus.Deactivated, cancellationToken))
            {
                ReportDrift(database, "unprotected", position.Symbol, position.OpenQuantity * position.Direction.Sign(), null, "stop placed", position.PositionId);
                await KeepProtectedAsync(database, position, instrument, correlationId, cancellationToken);
            }
        }

        var venuePositions = await venue.GetPositionsAsync(cancellationToken);
        _drift.BeginRound();
        var ours = await database.Positions
            .Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing || row.Status == PositionRecordStatus.External)
            .ToListAsync(cancellationToken);
        var findings = PositionComparison.Compare(ours, venuePositions);
        var now = clock.GetUtcNow();
        foreach (var finding in findings)
        {
            switch (finding.Kind)
            {
                case ReconciliationFindingKind.SizeDiffers:
                    ReportDrift(database, "size", finding.Symbol, finding.OursQuantity, finding.VenueQuantity, "reported; the executor keeps managing its own quantity", finding.Position!.PositionId);
                    break;
                case ReconciliationFindingKind.External:
                    var external = FlagExternal(database, finding.Position, finding.Venue!, now);
                    ReportDrift(database, "external", finding.Symbol, finding.OursQuantity, finding.VenueQuantity, "flagged as an external position, not traded", external.PositionId);
                    break;
            }
        }

        _drift.EndRound();
        foreach (var finding in findings.Where(finding => finding.Kind == ReconciliationFindingKind.ClosedOutside))
        {
            await CloseOutsideClosedAsync(database, finding.Position!, cancellationToken);
        }

        // External positions the venue no longer shows have ended.
        foreach (var finding in findings.Where(finding => finding.Kind == ReconciliationFindingKind.ExternalEnded))
        {
            var ended = finding.Position!;
            ended.Status = PositionRecordStatus.Closed;
            ended.OpenQuantity = 0;
            ended.ClosedAt = now;
            ended.ExitReason = "closed outside the executor";
            PositionEvent(database, ended);
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records (or brings up to date) the external position the venue holds: flagged, reported, never traded.</summary>
    private PositionRecord FlagExternal(TradingDbContext database, PositionRecord? external, VenuePosition venuePosition, DateTimeOffset now)
    {
        external ??= new PositionRecord
        {
            PositionId = "x" + TradingIds.NewEventId()[..24],
            Symbol = venuePosition.Symbol.Value,
            Status = PositionRecordStatus.External,
            Origin = PositionOrigin.External,
            StopKind = StopKind.Initial,
            OpenedAt = now,
        };
        if (external.OpenQuantity == venuePosition.Size && external.Direction == venuePosition.Direction)
        {
            return external;
        }

        if (database.Entry(external).State == EntityState.Detached)
        {
            database.Positions.Add(external);
        }

        external.Direction = venuePosition.Direction;
        external.EntryPrice = venuePosition.AveragePrice;
        external.OriginalQuantity = venuePosition.Size;
        external.OpenQuantity = venuePosition.Size;
        external.BestPrice = venuePosition.AveragePrice;
        external.InitialStop = venuePosition.StopLoss ?? 0;
        external.Stop = venuePosition.StopLoss ?? 0;
        PositionEvent(database, external);
        Audit(database, SystemActor, "reconcile.external", "flagged", new { symbol = venuePosition.Symbol.Value, size = venuePosition.Size, direction = venuePosition.Direction.ToString() }, null, now);
        return external;
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
        var booked = await BookOutsideExitsAsync(database, position, correlationId, cancellationToken);
        var unaccounted = position.OpenQuantity;
        position.OpenQuantity = 0;
        position.ExitReason = unaccounted > 0
            ? $"closed outside the executor; {unaccounted} without a venue execution to price it"
            : "closed outside the executor";
        await FinishAsync(database, position, correlationId, cancellationToken);
        ReportDrift(database, "missing", position.Symbol, ours, 0m,
            $"closed out: {booked} booked from the venue's executions" + (unaccounted > 0 ? $", {unaccounted} unaccounted" : ""), position.PositionId);
        Audit(database, SystemActor, "reconcile.closed-outside", "closed out", new { position = position.PositionId, symbol = position.Symbol, booked, unaccounted }, correlationId, clock.GetUtcNow());
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Books the venue's closing executions of orders that are not ours, newest last, up to the open quantity; returns the quantity booked.</summary>
    private async Task<decimal> BookOutsideExitsAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        var symbol = InstrumentSymbol.Parse(position.Symbol);
        var closingSide = position.Direction.ClosingSide();
        var executions = (await venue.GetRecentExecutionsAsync(symbol, cancellationToken))
            .Where(execution => execution.Side == closingSide && execution.Time >= position.OpenedAt && !execution.OrderLinkId.StartsWith(position.PositionId, StringComparison.Ordinal))
            .OrderBy(execution => execution.Time)
            .ToList();
        var booked = 0m;
        var now = clock.GetUtcNow();
        foreach (var execution in executions)
        {
            if (position.OpenQuantity <= 0 || await database.Fills.FindAsync([execution.ExecutionId], cancellationToken) is not null)
            {
                continue;
            }

            var quantity = Math.Min(execution.Quantity, position.OpenQuantity);
            var orderId = "v" + execution.OrderId;
            if (await database.Orders.FindAsync([orderId], cancellationToken) is not { } order)
            {
                order = new OrderRecord
                {
                    OrderId = orderId,
                    VenueOrderId = execution.OrderId,
                    PositionId = position.PositionId,
                    SignalId = position.SignalId,
                    Symbol = position.Symbol,
                    Side = closingSide,
                    Purpose = OrderPurpose.Exit,
                    OrderType = OrderStyle.Market,
                    ReduceOnly = true,
                    Status = OrderRecordStatus.Filled,
                    RejectReason = "placed outside the executor",
                    CreatedAt = execution.Time,
                };
                database.Orders.Add(order);
            }

            order.Quantity += quantity;
            order.AveragePrice = ((order.AveragePrice ?? 0) * order.FilledQuantity + execution.Price * quantity) / (order.FilledQuantity + quantity);
            order.FilledQuantity += quantity;
            order.UpdatedAt = now;
            router.RecordFill(database, order, new OrderFill(execution.ExecutionId, execution.Price, quantity, execution.Fee, execution.Time), execution.IsMaker ? LiquidityRole.Maker : LiquidityRole.Taker, correlationId);
            position.Fees += execution.Fee;
            position.RealizedPnl -= execution.Fee;
            position.ReduceByFill(quantity, execution.Price);
            booked += quantity;
        }

        await database.SaveChangesAsync(cancellationToken);
        return booked;
    }

    /// <summary>
    /// A difference found by reconciliation: a metric and a log line every time; when it is new or changed, an event and a
    /// row (<c>reconciliation_drifts</c>, so the Api shows it on the position), both committed with the round.
    /// </summary>
    private void ReportDrift(TradingDbContext database, string kind, string symbol, decimal ours, decimal? venueQuantity, string action, string positionId)
    {
        metrics.Drift(kind);
        Log.ReconciliationDrift(logger, kind, symbol, ours, venueQuantity ?? ours, action);
        if (DriftMemory.IsLasting(kind) && !_drift.IsNew(kind, symbol, ours, venueQuantity))
        {
            return;
        }

        var now = VenueNow();
        var drift = new ReconciliationDrift(TradingIds.NewEventId(), kind, symbol, ours, venueQuantity ?? ours, action, now) { PositionId = positionId };
        database.Drifts.Add(new DriftRecord
        {
            DriftId = drift.EventId,
            Kind = kind,
            Symbol = symbol,
            PositionId = positionId,
            OursQuantity = drift.OursQuantity,
            VenueQuantity = drift.VenueQuantity,
            Action = action,
            FoundAt = now,
        });
        Outbox.Event(database, drift, "reconcile:" + symbol, now);
    }
}
