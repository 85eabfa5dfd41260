using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Engine;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// Trips the kill switch (a persisted state: only an operator reset clears it), moves the engine to Emergency
    /// and, when asked, flattens: every working order cancelled, every position closed by a reduce-only market order.
    /// </summary>
    private async Task TripKillSwitchAsync(TradingDbContext database, string reason, bool flatten, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var transition = _killSwitch.Trip(reason, now, flatten);
        if (transition.IsAccepted)
        {
            _killSwitch = transition.Next;
            await SaveRiskAsync(database, now, cancellationToken);
            Outbox.Event(database, new KillSwitchChanged(TradingIds.NewEventId(), true, reason, now), correlationId, now);
            Audit(database, SystemActor, "kill-switch.trip", "tripped: " + reason, new { reason, flatten }, correlationId, now);
            Log.KillSwitchTripped(logger, reason, flatten);
        }

        if (_state != EngineState.Emergency)
        {
            await ChangeStateAsync(database, EngineState.Emergency, "kill switch: " + (_killSwitch.Reason ?? reason), now, cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
        if (flatten)
        {
            await FlattenAsync(database, correlationId, cancellationToken);
        }
    }

    /// <summary>Cancels every working order and closes every position, ours and any other the venue shows.</summary>
    private async Task FlattenAsync(TradingDbContext database, string correlationId, CancellationToken cancellationToken)
    {
        var active = await database.Positions
            .Where(row => row.Status == PositionStatuses.Opening || row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing)
            .ToListAsync(cancellationToken);
        foreach (var position in active)
        {
            await CancelWorkingOrdersAsync(database, position, null, correlationId, cancellationToken);
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.OpenQuantity > 0 && InstrumentOf(position.Symbol) is { } instrument && position.Status != PositionStatuses.Closed)
            {
                position.ExitReason = "kill switch flatten";
                await SendExitAsync(database, position, instrument, position.OpenQuantity, ExitReason.Manual, correlationId, cancellationToken);
                await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            }
        }

        // Whatever the venue still shows (positions we never opened, orders we do not know) goes too.
        foreach (var venuePosition in await venue.GetPositionsAsync(cancellationToken))
        {
            if (venuePosition.Size <= 0 || !lease.IsHeld)
            {
                continue;
            }

            foreach (var order in await venue.GetOpenOrdersAsync(venuePosition.Symbol, cancellationToken))
            {
                await venue.CancelOrderAsync(venuePosition.Symbol, order.OrderLinkId, cancellationToken);
            }

            if (!active.Any(position => position.Symbol == venuePosition.Symbol.Value && position.Status != PositionStatuses.Closed))
            {
                var linkId = "f" + TradingIds.NewEventId()[..24];
                var placement = new OrderPlacement(venuePosition.Symbol, venuePosition.Direction.ClosingSide(), IsMarket: true, venuePosition.Size, linkId, ReduceOnly: true);
                await PlaceAsync(database, null, placement, OrderPurposes.Exit, correlationId, cancellationToken);
            }
        }
    }

    /// <summary>Snapshots equity and checks the daily loss against the kill-switch limit (also between signals).</summary>
    public async Task SnapshotEquityAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await SnapshotEquityCoreAsync(Database(scope), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        outbox.Wake();
    }

    private async Task SnapshotEquityCoreAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        var wallet = await venue.GetWalletAsync(cancellationToken);
        var now = clock.GetUtcNow();
        RollDay(now, wallet.Equity);
        var open = await database.Positions.CountAsync(row => row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing, cancellationToken);
        var drawdown = _peakEquity > 0 ? Math.Max(0, (_peakEquity - wallet.Equity) / _peakEquity) : 0;
        database.EquitySnapshots.Add(new EquitySnapshotRecord
        {
            At = now,
            Equity = wallet.Equity,
            WalletBalance = wallet.Wallet,
            UnrealizedPnl = wallet.UnrealisedPnl,
            OpenPositions = open,
            Drawdown = drawdown,
        });
        metrics.Equity = wallet.Equity;
        metrics.Drawdown = drawdown;
        await SaveRiskAsync(database, now, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);

        if (_preset is not null && !_killSwitch.BlocksEntries && _dayStart is { } dayStart)
        {
            var loss = dayStart.LossFraction(wallet.Equity);
            if (loss >= _preset.Risk.KillSwitchLossLimit)
            {
                await TripKillSwitchAsync(database, $"daily drawdown {loss:P2} reached kill_switch_loss_limit {_preset.Risk.KillSwitchLossLimit:P2}", flatten: true, Account, cancellationToken);
            }
        }
    }

    /// <summary>Reconciles the database with the venue (also run on start, before anything trades).</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ReconcileCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        outbox.Wake();
    }

    /// <summary>
    /// Our active positions are refreshed order by order (fills missed while down are booked, an entry sent just
    /// before a crash is found by its orderLinkId and protected, never sent again). Then the venue's positions are
    /// compared: one we do not know is flagged External (reported, not traded); a size that differs from ours is drift.
    /// </summary>
    private async Task ReconcileCoreAsync(CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("positions.reconcile");
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        var active = await database.Positions
            .Where(row => row.Status == PositionStatuses.Opening || row.Status == PositionStatuses.Open || row.Status == PositionStatuses.Closing)
            .ToListAsync(cancellationToken);
        foreach (var position in active)
        {
            var correlationId = position.SignalId ?? position.PositionId;
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status == PositionStatuses.Open && StopPlacement == StopPlacement.Venue && InstrumentOf(position.Symbol) is { } instrument
                && !await database.Orders.AnyAsync(order => order.PositionId == position.PositionId && order.Purpose == OrderPurposes.StopLoss
                    && order.Status != OrderStatuses.Filled && order.Status != OrderStatuses.Cancelled && order.Status != OrderStatuses.Rejected && order.Status != "Deactivated", cancellationToken))
            {
                metrics.Drift("unprotected");
                await PlaceStopAsync(database, position, instrument, correlationId, cancellationToken);
            }
        }

        var venuePositions = await venue.GetPositionsAsync(cancellationToken);
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

            metrics.Drift(mine.Count == 0 ? "external" : "size");
            Log.ReconciliationDrift(logger, venuePosition.Symbol.Value, managedQuantity, venueQuantity);
            var external = mine.FirstOrDefault(position => position.Status == PositionStatuses.External);
            if (mine.Count == 0 || external is not null)
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
            }
        }

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
}
