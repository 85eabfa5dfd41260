using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Venue;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// Reconciliation's own work, one owner for its state (which differences were already reported): the venue's
/// positions compared with our books (<see cref="PositionComparison"/>), every difference reported, positions we did not
/// open recorded as External (shown, never traded) and ended when the venue no longer holds them, and the venue's
/// executions of orders that are not ours booked as the exit of a position closed outside the executor. Refreshing,
/// protecting and closing out our own positions stay with the engine, which runs this within its step; nothing here
/// commits except <see cref="BookOutsideExitsAsync"/>, which saves the fills it books.
/// </summary>
public sealed class Reconciler(IVenue venue, OrderRouter router, ExecutorMetrics metrics, TimeProvider clock, ILogger<Reconciler> logger)
{
    private readonly DriftMemory _drift = new();

    /// <summary>
    /// Compares our active and External positions with the venue's: a size that differs is reported (we keep managing
    /// ours), a venue position we do not know is recorded External, an External one the venue no longer shows is closed.
    /// Returns our Open or Closing positions the venue shows flat: closed outside, for the engine to close out.
    /// </summary>
    public async Task<IReadOnlyList<PositionRecord>> CompareWithVenueAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var venuePositions = await venue.GetPositionsAsync(cancellationToken);
        var ours = await database.Positions
            .Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing || row.Status == PositionRecordStatus.External)
            .ToListAsync(cancellationToken);
        var findings = PositionComparison.Compare(ours, venuePositions);
        var now = clock.GetUtcNow();
        _drift.BeginRound();
        foreach (var finding in findings)
        {
            switch (finding.Kind)
            {
                case ReconciliationFindingKind.SizeDiffers:
                    ReportDrift(database, "size", finding.Symbol, finding.OursQuantity, finding.VenueQuantity, "reported; the executor keeps managing its own quantity", finding.Position!.PositionId);
                    break;
                case ReconciliationFindingKind.External:
                    var external = RecordExternal(database, finding.Position, finding.Venue!, now);
                    ReportDrift(database, "external", finding.Symbol, finding.OursQuantity, finding.VenueQuantity, "flagged as an external position, not traded", external.PositionId);
                    break;
                case ReconciliationFindingKind.ExternalEnded:
                    var ended = finding.Position!;
                    (ended.Status, ended.OpenQuantity, ended.ClosedAt, ended.ExitReason) = (PositionRecordStatus.Closed, 0, now, "closed outside the executor");
                    PositionEvents.Updated(database, ended, now);
                    break;
            }
        }

        _drift.EndRound();
        return [.. findings.Where(finding => finding.Kind == ReconciliationFindingKind.ClosedOutside).Select(finding => finding.Position!)];
    }

    /// <summary>
    /// Books the venue's closing executions of orders that are not ours (since the position opened, oldest first, up to
    /// its open quantity) as fills of one Exit order per venue order; an execution already booked is skipped, so a
    /// second call books nothing twice. Saves, and returns the quantity booked.
    /// </summary>
    public async Task<decimal> BookOutsideExitsAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(position);
        var closingSide = position.Direction.ClosingSide();
        var executions = (await venue.GetRecentExecutionsAsync(InstrumentSymbol.Parse(position.Symbol), cancellationToken))
            .Where(execution => execution.Side == closingSide && execution.Time >= position.OpenedAt && !execution.OrderLinkId.StartsWith(position.PositionId, StringComparison.Ordinal))
            .OrderBy(execution => execution.Time)
            .ToList();
        var booked = 0m;
        foreach (var execution in executions)
        {
            if (position.OpenQuantity <= 0 || await database.Fills.FindAsync([execution.ExecutionId], cancellationToken) is not null)
            {
                continue;
            }

            var quantity = Math.Min(execution.Quantity, position.OpenQuantity);
            var order = await OutsideOrderAsync(database, position, execution, closingSide, cancellationToken);
            order.Quantity += quantity;
            order.AveragePrice = ((order.AveragePrice ?? 0) * order.FilledQuantity + execution.Price * quantity) / (order.FilledQuantity + quantity);
            order.FilledQuantity += quantity;
            order.UpdatedAt = clock.GetUtcNow();
            router.RecordFill(database, order, new OrderFill(execution.ExecutionId, execution.Price, quantity, execution.Fee, execution.Time), execution.IsMaker ? LiquidityRole.Maker : LiquidityRole.Taker, correlationId);
            position.PayFee(execution.Fee);
            position.ReduceByFill(quantity, execution.Price);
            booked += quantity;
        }

        await database.SaveChangesAsync(cancellationToken);
        return booked;
    }

    /// <summary>
    /// A difference found by reconciliation: a metric and a log line every time; when it is new or changed, an event and a
    /// row (<c>reconciliation_drifts</c>, so the Api shows it on the position), both in the caller's unit of work.
    /// </summary>
    public void ReportDrift(TradingDbContext database, string kind, string symbol, decimal ours, decimal? venueQuantity, string action, string positionId)
    {
        ArgumentNullException.ThrowIfNull(database);
        metrics.Drift(kind);
        Log.ReconciliationDrift(logger, kind, symbol, ours, venueQuantity ?? ours, action);
        if (DriftMemory.IsLasting(kind) && !_drift.IsNew(kind, symbol, ours, venueQuantity))
        {
            return;
        }

        // The venue's clock, like the fills and positions the operator reads the drift beside.
        var now = venue.VenueNow ?? clock.GetUtcNow();
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

    /// <summary>Records (or brings up to date) the external position the venue holds: flagged, reported, never traded.</summary>
    private static PositionRecord RecordExternal(TradingDbContext database, PositionRecord? external, VenuePosition venuePosition, DateTimeOffset now)
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
        PositionEvents.Updated(database, external, now);
        ExecutorAudit.Add(database, ExecutorAudit.SystemActor, "reconcile.external", "flagged",
            new { symbol = venuePosition.Symbol.Value, size = venuePosition.Size, direction = venuePosition.Direction.ToString() }, null, now);
        return external;
    }

    /// <summary>The Exit order record standing for a venue order that is not ours (found by its venue id, or new).</summary>
    private static async Task<OrderRecord> OutsideOrderAsync(TradingDbContext database, PositionRecord position, VenueExecution execution, OrderSide closingSide, CancellationToken cancellationToken)
    {
        var orderId = "v" + execution.OrderId;
        if (await database.Orders.FindAsync([orderId], cancellationToken) is { } known)
        {
            return known;
        }

        var order = new OrderRecord
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
        return order;
    }
}
