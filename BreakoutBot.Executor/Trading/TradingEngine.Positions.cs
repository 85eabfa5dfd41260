using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Venue;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// One management round over every active position: refresh its orders from the venue (fills), move it along
    /// (entry filled → protected; nothing left → trade), watch a local stop, and apply the position rules to each
    /// newly closed bar. Runs in every engine state: a stopped engine still protects what is open.
    /// </summary>
    public async Task ManageAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        await ExclusiveAsync(() => ManageAllAsync(cancellationToken), cancellationToken);
        outbox.Wake();
    }

    private async Task ManageAllAsync(CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("positions.manage");
        await ContinueFlattenAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        var active = await database.Positions
            .Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing)
            .Select(row => row.PositionId)
            .ToListAsync(cancellationToken);
        metrics.OpenPositions = active.Count;
        foreach (var positionId in active)
        {
            await ManageOneAsync(positionId, cancellationToken);
        }

        await router.ResolveLeftoversAsync(database, cancellationToken);
        metrics.UnprotectedPositions = await database.Positions.CountAsync(row => row.UnprotectedSince != null && row.Status != PositionRecordStatus.Closed, cancellationToken);

        if (_equityDue)
        {
            _equityDue = false;
            await SnapshotEquityCoreAsync(database, cancellationToken);
        }
    }

    /// <summary>
    /// One position's round in a unit of work of its own: whatever goes wrong with it (an order the venue reports oddly,
    /// an instrument no longer listed) is logged and counted, and the other positions are still managed.
    /// </summary>
    private async Task ManageOneAsync(string positionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        if (await database.Positions.FindAsync([positionId], cancellationToken) is not { } position || !position.Status.IsActive())
        {
            return;
        }

        var correlationId = position.SignalId ?? position.PositionId;
        using var entryActivity = position.Status == PositionRecordStatus.Opening ? StartEntryActivity(position) : null;
        try
        {
            await RefreshPositionAsync(database, position, correlationId, cancellationToken);
            if (position.Status == PositionRecordStatus.Open && lease.IsHeld && venueFacts.InstrumentOf(position.Symbol) is { } instrument)
            {
                await KeepProtectedAsync(database, position, instrument, correlationId, cancellationToken);
            }

            if (position.Status == PositionRecordStatus.Open && lease.IsHeld)
            {
                await WatchPositionAsync(database, position, correlationId, cancellationToken);
            }

            await TrackExposureAsync(database, position, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Its unit of work may have changed memory (the losing streak) and not been committed.
            _memoryInDoubt = true;
            Log.PositionRoundFailed(logger, position.PositionId, position.Symbol, exception);
            metrics.PositionRoundFailed(position.Symbol);
        }
    }

    /// <summary>Refreshes the position's working orders and moves the position to its next status.</summary>
    private async Task RefreshPositionAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        var orders = await database.Orders.Where(order => order.PositionId == position.PositionId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var working = orders.Where(order => !order.Status.IsTerminal()).ToList();

        // Several working orders (a take-profit ladder and a stop) are read in one request; only those no longer open
        // are asked for one by one, which keeps a position's round within the venue's rate limit.
        var open = working.Count > 1
            ? OursByLinkId(await venue.GetOpenOrdersAsync(InstrumentSymbol.Parse(position.Symbol), cancellationToken))
            : [];
        foreach (var order in working)
        {
            var venueOrder = open.GetValueOrDefault(order.OrderId) ?? await venue.GetOrderAsync(InstrumentSymbol.Parse(order.Symbol), order.OrderId, cancellationToken);
            if (venueOrder is not null)
            {
                await ApplyVenueOrderAsync(database, position, order, venueOrder, correlationId, cancellationToken);
            }
            else
            {
                switch (router.DecideUnshown(order))
                {
                    case UnshownOrderAction.EndAsUnseen:
                        router.EndUnseen(database, order, correlationId);
                        break;
                    case UnshownOrderAction.Cancel when lease.IsHeld:
                        await CancelOrderAsync(database, position, order, correlationId, cancellationToken);
                        break;
                    case UnshownOrderAction.SendAgain when lease.IsHeld && venueFacts.InstrumentOf(order.Symbol) is { } instrument:
                        order.UpdatedAt = now;
                        await PlaceAsync(database, position, PlacementOf(order, instrument), order.Purpose, correlationId, cancellationToken);
                        break;
                }
            }
        }

        await database.SaveChangesAsync(cancellationToken);
        if (position.Status == PositionRecordStatus.Opening)
        {
            if (!await AdvanceEntryAsync(database, position, correlationId, cancellationToken))
            {
                return;
            }

            var entered = (await EntryOrdersAsync(database, position, cancellationToken)).Sum(order => order.FilledQuantity);
            if (position.OpenQuantity > 0)
            {
                if (ProgressOf(position).SlippageBps(position.EntryPrice, position.Direction.Sign()) is { } slippage)
                {
                    metrics.EntrySlippage(slippage);
                }

                await ProtectAsync(database, position, correlationId, cancellationToken);
                if (ProgressOf(position).CloseCommandId is { } closeCommand && position.Status == PositionRecordStatus.Open && venueFacts.InstrumentOf(position.Symbol) is { } closing)
                {
                    await ExitKeepingStopAsync(database, position, closing, position.OpenQuantity, ExitReason.Manual, correlationId, cancellationToken,
                        TradingIds.CommandExit(position.PositionId, closeCommand));
                }
            }
            else if (entered > 0)
            {
                // The stop was hit while the entry was still going: what was entered has left again; that is a trade.
                position.OriginalQuantity = entered;
                await FinishAsync(database, position, correlationId, cancellationToken);
            }
            else
            {
                // A stop put on for an entry whose answer was lost outlives an entry that never filled: it goes too.
                await CancelWorkingOrdersAsync(database, position, null, correlationId, cancellationToken);
                var entry = (await EntryOrdersAsync(database, position, cancellationToken)).OrderBy(order => order.CreatedAt).LastOrDefault();
                position.Status = PositionRecordStatus.Closed;
                position.ClosedAt = clock.GetUtcNow();
                position.ExitReason = "entry not filled: " + (ProgressOf(position).StoppedReason ?? entry?.RejectReason ?? entry?.Status.ToString() ?? "no entry order");
                PositionEvent(database, position);
                await database.SaveChangesAsync(cancellationToken);
            }
        }
        else if (position.Status is PositionRecordStatus.Open or PositionRecordStatus.Closing && position.OpenQuantity <= 0)
        {
            await FinishAsync(database, position, correlationId, cancellationToken);
        }
        else if (position.Status == PositionRecordStatus.Closing && lease.IsHeld && venueFacts.InstrumentOf(position.Symbol) is { } instrument
            && orders.Where(order => order.Purpose is OrderPurpose.Exit or OrderPurpose.StopLoss && order.OrderType == OrderStyle.Market).All(order => order.Status.IsTerminal()))
        {
            // The closing order ended with quantity left (refused, or the book was too thin): the exit goes out again
            // for what is left, round after round, until the position is flat; its stop stays on meanwhile.
            Log.ExitRetried(logger, position.PositionId, position.OpenQuantity, position.ExitReason ?? "");
            var reason = Enum.TryParse<ExitReason>(position.ExitReason, out var parsed) ? parsed : ExitReason.Manual;
            await SendExitAsync(database, position, instrument, position.OpenQuantity, reason, correlationId, cancellationToken);
        }
    }

    /// <summary>
    /// The entry filled: builds the managed position from the real fill (entry price, quantity), then puts the
    /// protection on the venue: the stop-loss first, then reduce-only take-profit limit orders for the ladder (none when an
    /// operator's full close was asked for during the entry: the position exits right after). A fill
    /// already beyond the stop, or a price that has passed it since, is closed at once; so is a position whose stop the
    /// venue refuses.
    /// </summary>
    private async Task ProtectAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        var instrument = venueFacts.InstrumentOf(position.Symbol)!;
        position.OriginalQuantity = position.OpenQuantity;
        position.BestPrice = position.EntryPrice;
        if ((position.EntryPrice - position.InitialStop) * position.Direction.Sign() <= 0)
        {
            position.Status = PositionRecordStatus.Open;
            PositionEvent(database, position);
            await database.SaveChangesAsync(cancellationToken);
            await SendExitAsync(database, position, instrument, position.OpenQuantity, ExitReason.StopLoss, correlationId, cancellationToken);
            return;
        }

        // The position turns Open only once its protection rests on the venue; a crash in between repeats this step,
        // and the orderLinkIds make every repeated placement find the order already there.
        var preset = await _presets.ForPositionAsync(database, position, cancellationToken);
        var ladder = preset?.PositionConfig.TpLevels ?? [];
        var smartPlacement = preset is not null && preset.PositionConfig.TpSmartPlacement.Enabled && ladder.Any(level => level.PlacementMode != TakeProfitPlacementMode.Fixed)
            ? (preset.PositionConfig.TpSmartPlacement, await TakeProfitMarketAsync(instrument, preset, cancellationToken))
            : ((TakeProfitSmartPlacement, TakeProfitMarket)?)null;
        var managed = PositionOpening.Open(position.PositionId, instrument, position.Direction, position.EntryPrice, position.InitialStop, position.OpenQuantity,
            position.OpenedAt, ladder, position.BreakoutLevel, smartPlacement);
        position.Targets = [.. managed.Targets];
        await database.SaveChangesAsync(cancellationToken);
        var stop = await ProtectOrExitAsync(database, position, instrument, correlationId, cancellationToken);
        if (stop is StopSync.Crossed or StopSync.Refused)
        {
            position.Status = position.Status == PositionRecordStatus.Opening ? PositionRecordStatus.Open : position.Status;
            PositionEvent(database, position);
            await database.SaveChangesAsync(cancellationToken);
            if (stop == StopSync.Refused)
            {
                // Without a stop the position is not kept: KeepProtectedAsync closes it in this very round.
                await KeepProtectedAsync(database, position, instrument, correlationId, cancellationToken);
            }

            return;
        }

        // An operator's close asked for during the entry exits right after this: no take-profit ladder to place and cancel.
        var closingAtOnce = ProgressOf(position).CloseCommandId is not null;
        for (var i = 0; i < managed.Targets.Count && !closingAtOnce; i++)
        {
            var target = managed.Targets[i];
            if (target.Quantity < instrument.MinOrderQty)
            {
                continue;
            }

            var placement = new OrderPlacement(instrument.Symbol, position.Direction.ClosingSide(), IsMarket: false, target.Quantity,
                TradingIds.TakeProfit(position.PositionId, i + 1), LimitPrice: target.Price, TimeInForce: "GTC", ReduceOnly: true);
            await PlaceAsync(database, position, placement, OrderPurpose.TakeProfit, correlationId, cancellationToken);
        }

        position.Status = PositionRecordStatus.Open;
        PositionEvent(database, position);
        await database.SaveChangesAsync(cancellationToken);
        Log.PositionOpened(logger, position.PositionId, position.Symbol, position.Direction, position.OpenQuantity, position.EntryPrice);
    }

    /// <summary>
    /// The levels of the recent closed bars and the book's densities, for smart take-profit rungs. The ladder is placed
    /// either way: without them (a venue read failed) the rungs still move onto round numbers, and the stop is already
    /// resting by the time this runs.
    /// </summary>
    private async Task<TakeProfitMarket> TakeProfitMarketAsync(Instrument instrument, TradingPreset preset, CancellationToken cancellationToken)
    {
        try
        {
            var bars = await venue.GetKlinesAsync(instrument.Symbol, ManagementInterval, TakeProfitLevelWindowBars + 1, cancellationToken);
            var book = await venue.GetOrderBookAsync(instrument.Symbol, TakeProfitBookDepth, cancellationToken);
            var closed = bars.Where(bar => bar.IsClosed).OrderBy(bar => bar.OpenTime).ToList();
            return TakeProfitMarket.From(closed, TakeProfitLevelWindowBars, preset, book, instrument.TickSize);
        }
        catch (Exception exception) when (VenueFailure.Is(exception, cancellationToken))
        {
            Log.TakeProfitMarketUnavailable(logger, instrument.Symbol.Value, exception.Message);
            return TakeProfitMarket.None;
        }
    }

    /// <summary>
    /// The add-on rule at a bar's close (<see cref="AddOnRule"/>): one market order on the entry side, only while the engine
    /// takes entries and the kill switch is not tripped; its fill grows the position, and the stop is resized to cover it
    /// at once. The orderLinkId is the position's one add-on id, so a bar applied again after a restart never adds twice.
    /// </summary>
    private async Task MaybeAddOnAsync(
        TradingDbContext database, PositionRecord position, Instrument instrument, PositionConfig config, Candle bar, decimal? ema, string correlationId,
        CancellationToken cancellationToken)
    {
        if (!config.AddOnEnabled || position.Status != PositionRecordStatus.Open || !EngineStateMachine.AcceptsEntries(_state) || _risk.BlocksEntries)
        {
            return;
        }

        var orderId = TradingIds.AddOn(position.PositionId);
        var alreadyAdded = await database.Orders.AnyAsync(order => order.OrderId == orderId, cancellationToken);
        if (AddOnRule.Quantity(Managed(position, instrument), bar.Close, ema, config, instrument, alreadyAdded) is not { } quantity)
        {
            return;
        }

        var placement = new OrderPlacement(instrument.Symbol, position.Direction.OpeningSide(), IsMarket: true, quantity, orderId);
        if (await PlaceAsync(database, position, placement, OrderPurpose.AddOn, correlationId, cancellationToken) is not null)
        {
            Log.AddedToPosition(logger, position.PositionId, quantity, bar.Close);
            await SyncVenueStopAsync(database, position, instrument, correlationId, cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Local stop watch and the position rules on newly closed bars.</summary>
    private async Task WatchPositionAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        if (venueFacts.InstrumentOf(position.Symbol) is not { } instrument || await _presets.ForPositionAsync(database, position, cancellationToken) is not { } preset)
        {
            return;
        }

        if (StopPlacement == StopPlacement.Local && await venue.GetTickerAsync(instrument.Symbol, cancellationToken) is { } ticker)
        {
            var crossed = position.Direction == PositionDirection.Long ? ticker.LastPrice <= position.Stop : ticker.LastPrice >= position.Stop;
            if (crossed)
            {
                await ExitKeepingStopAsync(database, position, instrument, position.OpenQuantity, PositionRules.StopReason(position.StopKind), correlationId, cancellationToken);
                return;
            }
        }

        var interval = ManagementInterval;
        var lookback = preset.PositionConfig.ChandelierLookbackBars;
        var barsNeeded = Math.Max((2 * lookback) + 2, ExitInputs.BarsNeeded(preset.PositionConfig.ExitRules) + 1);
        var closed = await ClosedBarsAsync(instrument, interval, barsNeeded, cancellationToken);
        if (closed.Count == 0)
        {
            return;
        }

        if (position.LastBarOpen is not { } last)
        {
            // The first look once the entry is complete: bars from now on are applied (those that closed while the entry
            // was still being worked are not the position's to judge). Stored with the position, so a restart goes on
            // from here.
            position.LastBarOpen = closed[^1].OpenTime;
            await database.SaveChangesAsync(cancellationToken);
            return;
        }

        if (interval.FixedDuration is { } duration && (int)((closed[^1].OpenTime - last) / duration) is var unapplied and > 1)
        {
            // Several bars not applied yet (they closed while no executor ran): each needs its own history before it.
            closed = await ClosedBarsAsync(instrument, interval, barsNeeded + unapplied, cancellationToken);
        }

        // Every bar closed since the last one applied, in order, also after a restart: once each, none skipped.
        foreach (var bar in closed.Where(bar => bar.OpenTime > last && bar.CloseTime > position.OpenedAt))
        {
            position.LastBarOpen = bar.OpenTime;
            var history = closed.Where(candidate => candidate.OpenTime <= bar.OpenTime).ToList();
            var measures = new BarMeasures(
                TrailingInputs.From(history, position.Direction, lookback), ExitInputs.From(history, preset.PositionConfig.ExitRules),
                preset.PositionConfig.AddOnEnabled ? AddOnRule.EmaOf(history) : null);
            if (await ApplyBarAsync(database, position, instrument, preset.PositionConfig, bar, measures, correlationId, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<List<Candle>> ClosedBarsAsync(Instrument instrument, CandleInterval interval, int count, CancellationToken cancellationToken)
    {
        var bars = await venue.GetKlinesAsync(instrument.Symbol, interval, Math.Min(1000, count), cancellationToken);
        return [.. bars.Where(bar => bar.IsClosed).OrderBy(bar => bar.OpenTime)];
    }

    /// <summary>
    /// Applies one closed bar through the Domain rules. Take-profits are the venue's resting orders, so the rules see
    /// only the rungs that really filled; the stop is the venue's (or the local watch's) too, but a bar through it is
    /// closed at once as a safety net. Returns true when an exit was sent.
    /// </summary>
    private async Task<bool> ApplyBarAsync(
        TradingDbContext database, PositionRecord position, Instrument instrument, PositionConfig config, Candle bar, BarMeasures measures, string correlationId,
        CancellationToken cancellationToken)
    {
        var managed = Managed(position, instrument);
        managed = managed with { Targets = [.. managed.Targets.Where(target => target.IsFilled)] };
        var outcome = PositionRules.ApplyBar(managed, bar, config, instrument, measures.Trailing, measures.Market);
        position.BarsHeld = outcome.Position.BarsHeld;
        position.BestPrice = outcome.Position.BestPrice;
        var exit = outcome.Exits.FirstOrDefault(candidate => candidate.Reason != ExitReason.TakeProfit);
        if (exit is not null)
        {
            await ExitKeepingStopAsync(database, position, instrument, position.OpenQuantity, exit.Reason, correlationId, cancellationToken);
            return true;
        }

        if (outcome.StopMove is { } move)
        {
            await MoveStopAsync(database, position, instrument, move, correlationId, cancellationToken);
        }
        else
        {
            await database.SaveChangesAsync(cancellationToken);
        }

        await MaybeAddOnAsync(database, position, instrument, config, bar, measures.Ema, correlationId, cancellationToken);

        return false;
    }

    /// <summary>Nothing is open any more: cancels what still rests, closes the position and writes its trade (once).</summary>
    private async Task FinishAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        await CancelWorkingOrdersAsync(database, position, null, correlationId, cancellationToken);
        var trade = await trades.CloseAsync(database, position, correlationId, cancellationToken);
        exposure.End(position);
        PositionEvent(database, position);
        if (trade is not null)
        {
            _risk.RecordTradeResult(trade.RealizedPnl);
            await SaveRiskAsync(database, clock.GetUtcNow(), cancellationToken);
            Log.TradeClosed(logger, trade.TradeId, trade.Symbol, trade.RealizedPnl, trade.RMultiple, trade.ExitReason);
        }

        _equityDue = true;
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The venue's open orders by orderLinkId. Orders someone placed without one (by hand, Bybit's position TP/SL) have
    /// an empty id and are not ours, so they are left out; so is any id the venue repeats.
    /// </summary>
    private static Dictionary<string, VenueOrder> OursByLinkId(IReadOnlyList<VenueOrder> orders)
    {
        var byLinkId = new Dictionary<string, VenueOrder>(StringComparer.Ordinal);
        foreach (var order in orders.Where(order => order.OrderLinkId.Length > 0))
        {
            byLinkId.TryAdd(order.OrderLinkId, order);
        }

        return byLinkId;
    }
}
