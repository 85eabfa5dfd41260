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
    private readonly Dictionary<string, (decimal Ours, decimal? Venue)> _reportedDrift = new(StringComparer.Ordinal);
    private readonly HashSet<string> _driftFoundThisRound = new(StringComparer.Ordinal);

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
            .Where(row => row.Status == PositionStatuses.Opening || row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing)
            .ToListAsync(cancellationToken);
        await venueFacts.RefreshAsync(cancellationToken);
        await BookFundingAsync(database, active, cancellationToken);
        foreach (var position in active)
        {
            var correlationId = position.SignalId ?? position.PositionId;
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status == PositionStatuses.Open && StopPlacement == StopPlacement.Venue && venueFacts.InstrumentOf(position.Symbol) is { } instrument
                && !await database.Orders.AnyAsync(order => order.PositionId == position.PositionId && order.Purpose == OrderPurposes.StopLoss
                    && order.Status != OrderStatuses.Filled && order.Status != OrderStatuses.Cancelled && order.Status != OrderStatuses.Rejected && order.Status != "Deactivated", cancellationToken))
            {
                ReportDrift(database, "unprotected", position.Symbol, position.OpenQuantity * position.Direction.Sign(), null, "stop placed", position.PositionId);
                await KeepProtectedAsync(database, position, instrument, correlationId, cancellationToken);
            }
        }

        var venuePositions = await venue.GetPositionsAsync(cancellationToken);
        _driftFoundThisRound.Clear();
        var ours = await database.Positions
            .Where(row => row.Status == PositionStatuses.Opening || row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing || row.Status == PositionStatuses.External)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var venuePosition in venuePositions.Where(position => position.Size > 0))
        {
            var mine = ours.Where(position => position.Symbol == venuePosition.Symbol.Value).ToList();
            var managedQuantity = mine.Where(position => position.Status != PositionStatuses.External).Sum(position => position.OpenQuantity * position.Direction.Sign());
            var venueQuantity = venuePosition.Size * venuePosition.Direction.Sign();
            if (managedQuantity == venueQuantity)
            {
                continue;
            }

            var external = mine.FirstOrDefault(position => position.Status == PositionStatuses.External);
            if (mine.Count > 0 && external is null)
            {
                ReportDrift(database, "size", venuePosition.Symbol.Value, managedQuantity, venueQuantity,
                    "reported; the executor keeps managing its own quantity", mine[0].PositionId);
            }
            else
            {
                external ??= new PositionRecord
                {
                    PositionId = "x" + TradingIds.NewEventId()[..24],
                    Symbol = venuePosition.Symbol.Value,
                    Status = PositionStatuses.External,
                    Origin = "External",
                    TargetsJson = "[]",
                    StopKind = nameof(StopKind.Initial),
                    OpenedAt = now,
                };
                if (external.OpenQuantity != venuePosition.Size || external.Direction != venuePosition.Direction)
                {
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
                }

                ReportDrift(database, "external", venuePosition.Symbol.Value, managedQuantity, venueQuantity, "flagged as an external position, not traded", external.PositionId);
            }
        }

        // A lasting difference that is gone is forgotten, so it is reported again should it come back.
        foreach (var resolved in _reportedDrift.Keys.Where(key => !_driftFoundThisRound.Contains(key)).ToList())
        {
            _reportedDrift.Remove(resolved);
        }

        await CloseOutsideClosedAsync(database, venuePositions, cancellationToken);

        // External positions the venue no longer shows have ended.
        foreach (var external in ours.Where(position => position.Status == PositionStatuses.External
            && !venuePositions.Any(venuePosition => venuePosition.Size > 0 && venuePosition.Symbol.Value == position.Symbol)))
        {
            external.Status = PositionStatuses.Closed;
            external.OpenQuantity = 0;
            external.ClosedAt = now;
            external.ExitReason = "closed outside the executor";
            PositionEvent(database, external);
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Our Open or Closing positions whose symbol the venue shows flat were closed outside the executor (by hand on the
    /// exchange, a liquidation, a position-level TP/SL). Refreshed once more first (our own exit may have filled a moment
    /// ago); then the venue's closing executions that are not our orders are booked as the exit, and the position
    /// becomes a trade like any other.
    /// </summary>
    private async Task CloseOutsideClosedAsync(TradingDbContext database, IReadOnlyList<VenuePosition> venuePositions, CancellationToken cancellationToken)
    {
        var flat = await database.Positions
            .Where(row => row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing)
            .ToListAsync(cancellationToken);
        foreach (var position in flat.Where(position => !venuePositions.Any(venue => venue.Size > 0 && venue.Symbol.Value == position.Symbol)))
        {
            var correlationId = position.SignalId ?? position.PositionId;
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status is not (PositionStatuses.Open or PositionStatuses.Closing) || position.OpenQuantity <= 0)
            {
                continue;
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
                    Purpose = OrderPurposes.Exit,
                    OrderType = OrderTypes.Market,
                    ReduceOnly = true,
                    Status = OrderStatuses.Filled,
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
        if (kind is "external" or "size")
        {
            // Conditions that last until someone acts are found again every round: reported when new or changed.
            var key = kind + ":" + symbol;
            var seen = (ours, venueQuantity);
            _driftFoundThisRound.Add(key);
            if (_reportedDrift.TryGetValue(key, out var previous) && previous == seen)
            {
                return;
            }

            _reportedDrift[key] = seen;
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
