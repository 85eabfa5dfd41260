using BreakoutBot.Data;
using BreakoutBot.Data.Engine;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Venue;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// Handles one operator command: exactly one <see cref="CommandAcknowledged"/> (accepted, or refused with the
    /// reason) and one audit row, committed with the state change. A command delivered again is answered from the
    /// first answer and changes nothing.
    /// </summary>
    public async Task HandleCommandAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await ExclusiveAsync(() => HandleCommandCoreAsync(command, correlationId, cancellationToken), cancellationToken);

        outbox.Wake();
        Wake();
    }

    private async Task<CommandAcknowledged> HandleCommandCoreAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("engine.command");
        activity?.SetTag("breakoutbot.command", command.Kind.ToString());
        var ackId = new CommandAcknowledged(command.CommandId, command.Kind, false, null, "", clock.GetUtcNow()).MessageId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await Database(scope).Outbox.AsNoTracking().AnyAsync(row => row.MessageId == ackId, cancellationToken))
            {
                return new CommandAcknowledged(command.CommandId, command.Kind, true, "already handled", _state.ToString(), clock.GetUtcNow());
            }
        }

        var decision = EngineStateMachine.Decide(_state, command.Kind, command.Flatten);
        string? refusal = decision.Refusal;
        if (decision.IsAccepted)
        {
            try
            {
                refusal = command.Kind switch
                {
                    EngineCommandKind.Start => await StartAsync(command, cancellationToken),
                    EngineCommandKind.Pause or EngineCommandKind.Resume => await SimpleTransitionAsync(command, decision.Next, cancellationToken),
                    EngineCommandKind.Stop => await StopAsync(command, correlationId, cancellationToken),
                    EngineCommandKind.Kill => await KillAsync(command, correlationId, cancellationToken),
                    EngineCommandKind.ResetKillSwitch => await ResetKillSwitchAsync(command, correlationId, cancellationToken),
                    EngineCommandKind.ClosePosition => await ClosePositionAsync(command, correlationId, cancellationToken),
                    EngineCommandKind.MoveStopToBreakeven => await MoveStopToBreakevenAsync(command, correlationId, cancellationToken),
                    _ => $"unknown command {command.Kind}",
                };
            }
            catch (Exception exception) when (VenueFailure.Is(exception, cancellationToken))
            {
                refusal = await SettleFailedCommandAsync(command, exception, cancellationToken);
            }
        }

        var now = clock.GetUtcNow();
        var ack = new CommandAcknowledged(command.CommandId, command.Kind, refusal is null, refusal, _state.ToString(), now);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var database = Database(scope);
            Outbox.Event(database, ack, correlationId, now);
            Audit(database, command.IssuedBy, "engine." + command.Kind, refusal is null ? "accepted" : "refused: " + refusal, command, correlationId, now);
            await database.SaveChangesAsync(cancellationToken);
        }

        Log.CommandHandled(logger, command.Kind, command.CommandId, refusal is null, refusal ?? "");
        return ack;
    }

    /// <summary>
    /// A command the venue failed half-way (a start whose reconciliation could not read the venue, a stop whose entry
    /// cancels were not answered): memory goes back to what was committed, and a transient state it left behind settles
    /// to Stopped, so the engine is never stuck in Starting or Stopping and the operator can simply try again. The
    /// command is answered as refused with the venue's failure.
    /// </summary>
    private async Task<string> SettleFailedCommandAsync(EngineCommand command, Exception failure, CancellationToken cancellationToken)
    {
        var reason = $"{command.Kind.ToString().ToLowerInvariant()} failed at the venue: {failure.Message}";
        await ReloadCommittedStateAsync(cancellationToken);
        if (_state is EngineState.Starting or EngineState.Stopping)
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = Database(scope);
            await CloseSessionAsync(database, reason, cancellationToken);
            await ChangeStateAsync(database, EngineState.Stopped, reason, clock.GetUtcNow(), cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
        }

        return reason;
    }

    private async Task<string?> StartAsync(EngineCommand command, CancellationToken cancellationToken)
    {
        if (command.Mode is { } mode && !string.Equals(mode, ModeName, StringComparison.OrdinalIgnoreCase))
        {
            return $"mode '{mode}' does not match this deployment's Trading:Mode '{ModeName}'";
        }

        // A real venue is traded only on a start the Api has checked (mode, and the live confirmation), never on a
        // command written to the stream by anything else, and never by an automatic start.
        if (_mode is TradingMode.Testnet or TradingMode.Demo or TradingMode.Live && (!command.VenueConfirmed || !string.Equals(command.Mode, ModeName, StringComparison.OrdinalIgnoreCase)))
        {
            return $"starting on a real venue ({ModeName}) needs a start request through the Api naming mode '{ModeName}' (with the live confirmation in live)";
        }

        var name = command.PresetName ?? _presets.Name ?? executorTradingOptions.Value.ResolveDefaultPreset(_mode);
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        var (preset, version, errors) = await new PresetStore(database, clock).LoadAsync(name, command.PresetVersion, cancellationToken);
        if (preset is null)
        {
            return $"preset '{name}' cannot be traded: {string.Join("; ", errors.Select(error => error.ToString()))}";
        }

        var now = clock.GetUtcNow();
        _presets.Activate(name, version, preset);
        await ChangeStateAsync(database, EngineState.Starting, $"start requested by {command.IssuedBy}", now, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);

        await ReconcileCoreAsync(cancellationToken);
        var wallet = await venue.GetWalletAsync(cancellationToken);
        var session = new EngineSessionRecord { Mode = ModeName, PresetName = name, PresetVersion = version, StartedAt = now, StartingEquity = wallet.Equity };
        database.EngineSessions.Add(session);
        await database.SaveChangesAsync(cancellationToken);
        _sessionId = session.Id;
        await ChangeStateAsync(database, EngineState.Running, $"started by {command.IssuedBy} with {name} v{version}", clock.GetUtcNow(), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> SimpleTransitionAsync(EngineCommand command, EngineState next, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        await ChangeStateAsync(database, next, $"{command.Kind.ToString().ToLowerInvariant()}d by {command.IssuedBy}", clock.GetUtcNow(), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> StopAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        await ChangeStateAsync(database, EngineState.Stopping, $"stop requested by {command.IssuedBy}", clock.GetUtcNow(), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);

        // Entries still working are cancelled; open positions stay protected and managed.
        var opening = await database.Positions.Where(position => position.Status == PositionRecordStatus.Opening).ToListAsync(cancellationToken);
        foreach (var position in opening)
        {
            await CancelWorkingOrdersAsync(database, position, OrderPurpose.Entry, correlationId, cancellationToken);
        }

        await CloseSessionAsync(database, $"stopped by {command.IssuedBy}", cancellationToken);
        await ChangeStateAsync(database, EngineState.Stopped, $"stopped by {command.IssuedBy}", clock.GetUtcNow(), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task CloseSessionAsync(TradingDbContext database, string reason, CancellationToken cancellationToken)
    {
        if (_sessionId is not { } id || await database.EngineSessions.FindAsync([id], cancellationToken) is not { StoppedAt: null } session)
        {
            return;
        }

        session.StoppedAt = clock.GetUtcNow();
        session.StopReason = reason;
        // Without its ending equity when the venue does not answer, rather than not at all.
        session.EndingEquity = await EquityIfReadableAsync(cancellationToken);
    }

    private async Task<string?> KillAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        await TripKillSwitchAsync(database, $"kill by {command.IssuedBy}", command.Flatten, correlationId, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> ResetKillSwitchAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        if (_risk.Reset(command.IssuedBy, now, await EquityIfReadableAsync(cancellationToken)))
        {
            await SaveRiskAsync(database, now, cancellationToken);
            Outbox.Event(database, new KillSwitchChanged(TradingIds.NewEventId(), false, $"reset by {command.IssuedBy}", now), correlationId, now);
        }

        await CloseSessionAsync(database, "kill switch reset", cancellationToken);
        await ChangeStateAsync(database, EngineState.Stopped, $"kill switch reset by {command.IssuedBy}", now, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The account's equity, or null when the venue does not answer (what needs it then does without).</summary>
    private async Task<decimal?> EquityIfReadableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await venue.GetWalletAsync(cancellationToken)).Equity;
        }
        catch (Exception exception) when (VenueFailure.Is(exception, cancellationToken))
        {
            return null;
        }
    }

    private async Task<string?> ClosePositionAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        if (await FindManagedAsync(database, command.PositionId, cancellationToken) is not { } found)
        {
            return await CloseDuringEntryAsync(database, command, cancellationToken);
        }

        var (record, managed, instrument) = found;
        var price = (await venue.GetTickerAsync(instrument.Symbol, cancellationToken))?.LastPrice ?? record.EntryPrice;
        var (_, exit, refusal) = PositionRules.CloseManually(managed, command.Percent ?? 100m, price, clock.GetUtcNow(), instrument);
        if (exit is null)
        {
            return refusal;
        }

        return await ExitKeepingStopAsync(database, record, instrument, exit.Quantity, ExitReason.Manual, correlationId, cancellationToken,
            TradingIds.CommandExit(record.PositionId, command.CommandId));
    }

    /// <summary>
    /// A close asked for while the position is still entering: a full close stops the entry (no further slice, working
    /// passive slices cancelled) and the position exits at market once its entry orders are final, keeping its stop
    /// meanwhile. Null when accepted, else why the position cannot be closed.
    /// </summary>
    private async Task<string?> CloseDuringEntryAsync(TradingDbContext database, EngineCommand command, CancellationToken cancellationToken)
    {
        var position = command.PositionId is null ? null : await database.Positions.FindAsync([command.PositionId], cancellationToken);
        switch (position?.Status)
        {
            case null:
                return $"position '{command.PositionId}' does not exist";
            case PositionRecordStatus.Closing:
                return $"position '{command.PositionId}' is already closing ({position.ExitReason})";
            case PositionRecordStatus.Closed:
                return $"position '{command.PositionId}' is already closed";
            case PositionRecordStatus.Opening when (command.Percent ?? 100m) < 100m:
                return $"position '{command.PositionId}' is still entering: only a full close (100%) can stop an entry";
            case PositionRecordStatus.Opening:
                var progress = ProgressOf(position);
                if (progress.CloseCommandId is not null)
                {
                    return null;
                }

                var asked = progress with { CloseCommandId = command.CommandId };
                if (progress.StoppedReason is null)
                {
                    await StopEntryAsync(database, position, asked, $"closed by {command.IssuedBy} during the entry", cancellationToken);
                }
                else
                {
                    position.EntryPlan = asked;
                    await database.SaveChangesAsync(cancellationToken);
                }

                return null;
            default:
                return $"position '{command.PositionId}' is not open ({position.Status})";
        }
    }

    private async Task<string?> MoveStopToBreakevenAsync(EngineCommand command, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        if (await FindManagedAsync(database, command.PositionId, cancellationToken) is not { } found)
        {
            return $"position '{command.PositionId}' is not open";
        }

        var (record, managed, instrument) = found;
        if (await _presets.ForPositionAsync(database, record, cancellationToken) is not { } preset)
        {
            return "no preset is loaded to take the breakeven buffer from";
        }

        var price = (await venue.GetTickerAsync(instrument.Symbol, cancellationToken))?.LastPrice ?? record.EntryPrice;
        var (_, move, refusal) = PositionRules.MoveStopToBreakeven(managed, price, preset.PositionConfig.BreakevenBufferBps, instrument);
        if (move is null)
        {
            return refusal;
        }

        var venueRefusal = await MoveStopAsync(database, record, instrument, move, correlationId, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return venueRefusal;
    }
}
