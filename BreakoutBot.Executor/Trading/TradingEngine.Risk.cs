using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Engine;
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

            // One cancel-all per symbol also reaches orders placed without an orderLinkId (by hand, position TP/SL).
            await venue.CancelAllOrdersAsync(venuePosition.Symbol, cancellationToken);

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
}
