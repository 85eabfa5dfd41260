using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Engine;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Risk;
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
    /// and, when asked, flattens: every position closed by a reduce-only market order, its stop kept until it is flat.
    /// The flatten request is persisted and goes on round after round (after a restart too) until nothing is open.
    /// </summary>
    private async Task TripKillSwitchAsync(TradingDbContext database, string reason, bool flatten, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outcome = _risk.Trip(reason, now, flatten);
        if (outcome != KillSwitchTripOutcome.Unchanged)
        {
            await SaveRiskAsync(database, now, cancellationToken);
        }

        if (outcome == KillSwitchTripOutcome.Tripped)
        {
            Outbox.Event(database, new KillSwitchChanged(TradingIds.NewEventId(), true, reason, now), correlationId, now);
            Audit(database, SystemActor, "kill-switch.trip", "tripped: " + reason, new { reason, flatten }, correlationId, now);
            Log.KillSwitchTripped(logger, reason, flatten);
        }

        if (_state != EngineState.Emergency)
        {
            await ChangeStateAsync(database, EngineState.Emergency, "kill switch: " + (_risk.KillSwitch.Reason ?? reason), now, cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
        if (flatten)
        {
            await FlattenAsync(database, correlationId, cancellationToken);
        }
    }

    /// <summary>
    /// One pass of the flatten: every position of ours exits at market (entries and take-profits cancelled, the stop kept
    /// until it is flat), and whatever else the venue shows (positions we never opened, orders we do not know) goes too.
    /// Repeated every management round until nothing is open (<see cref="ContinueFlattenAsync"/>), across restarts.
    /// </summary>
    private async Task FlattenAsync(TradingDbContext database, string correlationId, CancellationToken cancellationToken)
    {
        var active = await database.Positions
            .Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing)
            .ToListAsync(cancellationToken);
        foreach (var position in active)
        {
            // A Closing position's exit is repeated by its refresh until it is flat.
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.OpenQuantity > 0 && venueFacts.InstrumentOf(position.Symbol) is { } instrument && position.Status is PositionRecordStatus.Open or PositionRecordStatus.Opening)
            {
                position.ExitReason = "kill switch flatten";
                await ExitKeepingStopAsync(database, position, instrument, position.OpenQuantity, ExitReason.Manual, correlationId, cancellationToken);
                await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            }
            else if (position.Status == PositionRecordStatus.Opening && position.OpenQuantity <= 0)
            {
                await CancelWorkingOrdersAsync(database, position, OrderPurpose.Entry, correlationId, cancellationToken);
            }
        }

        foreach (var venuePosition in await venue.GetPositionsAsync(cancellationToken))
        {
            // Ours are closed above, their stops kept until they are flat; a cancel-all here would take those stops off.
            if (venuePosition.Size <= 0 || !lease.IsHeld || active.Any(position => position.Symbol == venuePosition.Symbol.Value && position.Status != PositionRecordStatus.Closed))
            {
                continue;
            }

            // One cancel-all per symbol also reaches orders placed without an orderLinkId (by hand, position TP/SL).
            await venue.CancelAllOrdersAsync(venuePosition.Symbol, cancellationToken);
            var linkId = "f" + TradingIds.NewEventId()[..24];
            var placement = new OrderPlacement(venuePosition.Symbol, venuePosition.Direction.ClosingSide(), IsMarket: true, venuePosition.Size, linkId, ReduceOnly: true);
            await PlaceAsync(database, null, placement, OrderPurpose.Exit, correlationId, cancellationToken);
        }
    }

    /// <summary>
    /// A flatten asked for and not yet done (persisted with the kill switch) goes on every management round, after a
    /// restart too, until neither our books nor the venue show anything open; then it is marked done.
    /// </summary>
    private async Task ContinueFlattenAsync(CancellationToken cancellationToken)
    {
        if (!_risk.FlattenRequested || !lease.IsHeld)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        await FlattenAsync(database, Account, cancellationToken);
        var ours = await database.Positions.CountAsync(
            row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing, cancellationToken);
        var venueOpen = (await venue.GetPositionsAsync(cancellationToken)).Count(position => position.Size > 0);
        if (ours == 0 && venueOpen == 0)
        {
            _risk.FlattenDone();
            await SaveRiskAsync(database, clock.GetUtcNow(), cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
            Log.FlattenDone(logger);
        }
        else
        {
            Log.FlattenInProgress(logger, ours, venueOpen);
        }
    }

    /// <summary>Snapshots equity and checks the daily loss against the kill-switch limit (also between signals).</summary>
    public async Task SnapshotEquityAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await ExclusiveAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await SnapshotEquityCoreAsync(Database(scope), cancellationToken);
        }, cancellationToken);
        outbox.Wake();
    }

    private async Task SnapshotEquityCoreAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        var wallet = await venue.GetWalletAsync(cancellationToken);
        var now = clock.GetUtcNow();
        _risk.ObserveEquity(now, wallet.Equity);
        var open = await database.Positions.CountAsync(row => row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing, cancellationToken);
        var drawdown = _risk.DrawdownAt(wallet.Equity);
        database.EquitySnapshots.Add(new EquitySnapshotRecord
        {
            At = VenueNow(),
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

        if (_presets.Active is not null && _risk.DailyLossBreach(_presets.Active.Risk, wallet.Equity) is { } breach)
        {
            await TripKillSwitchAsync(database, breach, flatten: true, Account, cancellationToken);
        }
    }

    /// <summary>Reconciles the database with the venue (also run on start, before anything trades).</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await ExclusiveAsync(() => ReconcileCoreAsync(cancellationToken), cancellationToken);
        outbox.Wake();
    }
}
