using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Execution;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// Entries as the preset's execution config says (<see cref="EntryPlanner"/>): slices started on schedule, passive
/// post-only slices cancelled when their window ends and completed at market, no new slice after the deadman
/// timeout, and nothing new at all once the engine stops taking entries. The position turns Open (and is protected)
/// when its entry is complete.
/// </summary>
public sealed partial class TradingEngine
{
    /// <summary>The order placement an entry order record stands for (post-only when it is a limit).</summary>
    private static OrderPlacement EntryPlacement(OrderRecord order, Instrument instrument) =>
        order.OrderType == OrderStyle.Limit
            ? new OrderPlacement(instrument.Symbol, order.Side, IsMarket: false, order.Quantity, order.OrderId, order.Price, TimeInForce: "PostOnly")
            : new OrderPlacement(instrument.Symbol, order.Side, IsMarket: true, order.Quantity, order.OrderId);

    /// <summary>A span for one round of an entry in progress, in the trace of the signal that opened the position.</summary>
    private Activity? StartEntryActivity(PositionRecord position)
    {
        var parent = ProgressOf(position).TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = telemetry.ActivitySource.StartActivity("position.entry", ActivityKind.Internal, parent);
        activity?.SetTag("breakoutbot.position.id", position.PositionId);
        return activity;
    }

    private EntryProgress ProgressOf(PositionRecord position) =>
        EntryProgress.Of(position.EntryPlan, position.OriginalQuantity, position.OpenedAt, _options.LostOrderTimeout);

    /// <summary>
    /// Moves an Opening position's entry along; true once the entry is complete (every entry order final, no slice
    /// or market completion still due), so the caller protects what filled or closes the empty position.
    /// </summary>
    private async Task<bool> AdvanceEntryAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        if (!lease.IsHeld || venueFacts.InstrumentOf(position.Symbol) is not { } instrument)
        {
            return false;
        }

        var progress = ProgressOf(position);
        var now = clock.GetUtcNow();
        var entries = await EntryOrdersAsync(database, position, cancellationToken);
        if (progress.StoppedReason is null && EntryAlgorithm.RefusalStop(entries) is { } refusal)
        {
            progress = await StopEntryAsync(database, position, progress, refusal, cancellationToken);
        }

        if (progress.StoppedReason is null && await database.Orders.AnyAsync(
                order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.StopLoss && order.FilledQuantity > 0, cancellationToken))
        {
            progress = await StopEntryAsync(database, position, progress, "the stop was hit during the entry", cancellationToken);
        }

        var sending = progress.StoppedReason is null && EngineStateMachine.AcceptsEntries(_state);
        foreach (var passive in EntryAlgorithm.PassivesToCancel(progress, entries, now, sending))
        {
            await CancelOrderAsync(database, position, passive, correlationId, cancellationToken);
        }

        if (EntryAlgorithm.CompletionsDue(progress, entries, instrument, now, sending) is { Count: > 0 } cut)
        {
            var book = await venue.GetOrderBookAsync(instrument.Symbol, 1, cancellationToken);
            foreach (var (slice, planned) in cut)
            {
                var quantity = WithinRiskBudget(position, progress, entries, instrument, planned, MarketEntryPrice(position, book));
                if (quantity < instrument.MinOrderQty)
                {
                    progress = await StopEntryAsync(database, position, progress, $"the risk budget leaves no room to complete slice {slice} at market", cancellationToken);
                    sending = false;
                    break;
                }

                var fallback = new OrderPlacement(instrument.Symbol, position.Direction.OpeningSide(), IsMarket: true, quantity, TradingIds.EntryFallback(position.PositionId, slice));
                await PlaceAsync(database, position, fallback, OrderPurpose.Entry, correlationId, cancellationToken);
            }
        }

        // What filled so far is protected at once (before more is bought), not only when the whole entry is in; a price
        // already through the stop ends the entry, and what filled exits at market once the entry orders are final.
        if (await SyncVenueStopAsync(database, position, instrument, correlationId, cancellationToken) == StopSync.Crossed && progress.StoppedReason is null)
        {
            progress = await StopEntryAsync(database, position, progress, "the price passed the stop during the entry", cancellationToken);
            sending = false;
        }

        if (EntryAlgorithm.NextSliceDue(progress, entries, now, sending) is { } next)
        {
            progress = await StartSliceAsync(database, position, progress, entries, instrument, next, correlationId, cancellationToken);

            // A market slice fills in its answer: its quantity is protected in the same round.
            await SyncVenueStopAsync(database, position, instrument, correlationId, cancellationToken);
        }

        entries = await EntryOrdersAsync(database, position, cancellationToken);
        return EntryAlgorithm.IsComplete(progress, entries, instrument, clock.GetUtcNow(), EngineStateMachine.AcceptsEntries(_state));
    }

    /// <summary>Sends entry slice <paramref name="slice"/> as the current book allows; stops the entry when the price already reached the stop.</summary>
    private async Task<EntryProgress> StartSliceAsync(
        TradingDbContext database, PositionRecord position, EntryProgress progress, List<OrderRecord> entries, Instrument instrument, int slice, string correlationId,
        CancellationToken cancellationToken)
    {
        var book = await venue.GetOrderBookAsync(instrument.Symbol, 1, cancellationToken);
        var touch = position.Direction == PositionDirection.Long ? book.BestBid?.Price : book.BestAsk?.Price;
        if (touch is { } price && (price - position.InitialStop) * position.Direction.Sign() <= 0)
        {
            return await StopEntryAsync(database, position, progress, $"the price {price} reached the stop {position.InitialStop} before slice {slice} was due", cancellationToken);
        }

        var side = position.Direction.OpeningSide();
        var execution = (await _presets.ForPositionAsync(database, position, cancellationToken))!.ExecutionConfig;
        var choice = EntryPlanner.ChooseOrder(execution, progress.Plan, instrument, side, book.BestBid?.Price, book.BestAsk?.Price);
        var executable = choice.IsPassive ? choice.LimitPrice!.Value : MarketEntryPrice(position, book);
        var quantity = WithinRiskBudget(position, progress, entries, instrument, progress.Slices[slice - 1], executable, resting: choice.IsPassive);
        if (quantity < instrument.MinOrderQty)
        {
            return await StopEntryAsync(database, position, progress, $"the risk budget leaves no room for slice {slice} at {executable}", cancellationToken);
        }

        var placement = choice.IsPassive
            ? new OrderPlacement(instrument.Symbol, side, IsMarket: false, quantity, TradingIds.EntrySlice(position.PositionId, slice), choice.LimitPrice, TimeInForce: "PostOnly")
            : new OrderPlacement(instrument.Symbol, side, IsMarket: true, quantity, TradingIds.EntrySlice(position.PositionId, slice));
        Log.EntrySlice(logger, position.PositionId, slice, progress.Slices.Count, quantity, choice.Reason);
        await PlaceAsync(database, position, placement, OrderPurpose.Entry, correlationId, cancellationToken);
        return progress;
    }

    /// <summary>
    /// The most of <paramref name="planned"/> that keeps the entry within its risk budget at <paramref name="price"/>,
    /// counting what filled at its real average and what still works at its limit (<see cref="EntryRiskBudget"/>); resting
    /// (post-only) orders pay the preset's <c>maker_fee_bps</c>, everything else its <c>taker_fee_bps</c>.
    /// </summary>
    private static decimal WithinRiskBudget(
        PositionRecord position, EntryProgress progress, List<OrderRecord> entries, Instrument instrument, decimal planned, decimal price, bool resting = false) =>
        progress.Budget(position.InitialStop) is { } budget
            ? budget.Room(planned, price, position.OpenQuantity, position.EntryPrice,
                entries.Where(order => !order.Status.IsTerminal()).Select(order => (order.Quantity - order.FilledQuantity, order.Price ?? price, order.OrderType == OrderStyle.Limit)),
                instrument, resting)
            : planned;

    /// <summary>Where a market entry order meets the book: the ask for a long, the bid for a short (the last known price when that side is empty).</summary>
    private static decimal MarketEntryPrice(PositionRecord position, OrderBookSnapshot book) =>
        (position.Direction == PositionDirection.Long ? book.BestAsk?.Price : book.BestBid?.Price) ?? position.EntryPrice;

    private async Task<EntryProgress> StopEntryAsync(TradingDbContext database, PositionRecord position, EntryProgress progress, string reason, CancellationToken cancellationToken)
    {
        var stopped = progress with { StoppedReason = reason };
        position.EntryPlan = stopped;
        await database.SaveChangesAsync(cancellationToken);
        Log.EntryStopped(logger, position.PositionId, reason);
        return stopped;
    }

    private static Task<List<OrderRecord>> EntryOrdersAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken) =>
        database.Orders.Where(order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.Entry).ToListAsync(cancellationToken);
}
