using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The position's stop on the venue. Rules: a working stop is cancelled only once its replacement is confirmed
/// working; a stop whose level the price has already passed is never sent, the position exits at market instead; an
/// exit keeps the stop until the position is flat; an open position whose stop cannot be placed is closed.
/// </summary>
public sealed partial class TradingEngine
{
    /// <summary>
    /// Puts on (or confirms) the venue stop at the position's stop level for its open quantity; when the price is
    /// already through that level, exits at market instead (the working stop stays until the exit is done).
    /// </summary>
    private async Task<StopSync> ProtectOrExitAsync(TradingDbContext database, PositionRecord position, Instrument instrument, string correlationId, CancellationToken cancellationToken)
    {
        var sync = await SyncVenueStopAsync(database, position, instrument, correlationId, cancellationToken);
        if (sync == StopSync.Crossed)
        {
            Log.StopLevelCrossed(logger, position.PositionId, position.Stop);
            await ExitKeepingStopAsync(database, position, instrument, position.OpenQuantity, PositionRules.StopReason(position.StopKind), correlationId, cancellationToken);
        }

        return sync;
    }

    /// <summary>
    /// Keeps one working venue stop at the position's stop and for its whole open quantity, entry fills not yet known
    /// included (<see cref="StopQuantityAsync"/>; a partly entered position gets its stop with the first fill, resized as
    /// later slices fill; a moved stop replaces the old one), by the <see cref="StopKeeper"/>'s rules.
    /// </summary>
    private async Task<StopSync> SyncVenueStopAsync(TradingDbContext database, PositionRecord position, Instrument instrument, string correlationId, CancellationToken cancellationToken)
    {
        var covered = StopPlacement == StopPlacement.Venue ? await StopQuantityAsync(database, position, cancellationToken) : 0m;
        var target = new StopTarget(position.PositionId, instrument.Symbol, position.Direction, position.Stop, covered);
        return await StopKeeper.SyncAsync(new BookedStopOrders(this, exposure, database, position, instrument, correlationId), target, cancellationToken);
    }

    /// <summary>
    /// Every round, for an open position: a stop that is gone (cancelled or rejected by the venue, say after the price
    /// passed its trigger) is put back, or the position exits at market when the price is through it already; a
    /// position that no stop can be placed for is closed rather than left unprotected.
    /// </summary>
    private async Task KeepProtectedAsync(TradingDbContext database, PositionRecord position, Instrument instrument, string correlationId, CancellationToken cancellationToken)
    {
        if (StopPlacement != StopPlacement.Venue || position.Status != PositionRecordStatus.Open || position.OpenQuantity <= 0)
        {
            return;
        }

        var stops = await VenueStopsAsync(database, position, cancellationToken);
        if (StopKeeper.IsCovered(stops, position.Stop, position.OpenQuantity))
        {
            return;
        }

        if (StopKeeper.WasRemovedAtVenue(stops))
        {
            reconciler.ReportDrift(database, "unprotected", position.Symbol, position.OpenQuantity * position.Direction.Sign(), position.OpenQuantity * position.Direction.Sign(),
                "the venue stop was cancelled outside the executor: placed again (the position exits if it cannot be)", position.PositionId);
        }

        var sync = await ProtectOrExitAsync(database, position, instrument, correlationId, cancellationToken);
        if (sync == StopSync.Refused && !stops.Any(order => order.Status.IsWorking()))
        {
            var refused = (await VenueStopsAsync(database, position, cancellationToken))[^1];
            Log.StopRefusedPositionClosed(logger, position.PositionId, refused.RejectReason ?? refused.Status.ToString());
            position.ExitReason ??= "no stop could be placed: " + (refused.RejectReason ?? refused.Status.ToString());
            await ExitKeepingStopAsync(database, position, instrument, position.OpenQuantity, ExitReason.StopLoss, correlationId, cancellationToken);
        }
    }

    /// <summary>
    /// Moves the stop (breakeven, trailing, operator). A level the price has already passed exits at market; a
    /// replacement the venue refuses leaves the working stop, and the position's stop, where they were.
    /// </summary>
    private async Task<string?> MoveStopAsync(TradingDbContext database, PositionRecord position, Instrument instrument, StopMove move, string correlationId, CancellationToken cancellationToken)
    {
        var (previousStop, previousKind) = (position.Stop, position.StopKind);
        position.Stop = move.To;
        position.StopKind = move.Kind;
        await database.SaveChangesAsync(cancellationToken);
        var sync = await ProtectOrExitAsync(database, position, instrument, correlationId, cancellationToken);
        if (sync == StopSync.Refused)
        {
            var refused = (await VenueStopsAsync(database, position, cancellationToken))[^1];
            (position.Stop, position.StopKind) = (previousStop, previousKind);
            await database.SaveChangesAsync(cancellationToken);
            Log.StopMoveRefused(logger, position.PositionId, move.From, move.To, refused.RejectReason ?? refused.Status.ToString());
            return $"the venue refused the new stop at {move.To}: {refused.RejectReason ?? refused.Status.ToString()}; the stop stays at {previousStop}";
        }

        PositionEvent(database, position);
        await database.SaveChangesAsync(cancellationToken);
        Log.StopMoved(logger, position.PositionId, move.From, move.To, move.Kind);
        return null;
    }

    /// <summary>
    /// Exits at market keeping the stop: working entries and take-profits are cancelled (they would fight the exit), the
    /// reduce-only market order goes out, and the venue stop stays until the position is flat (then the trade's
    /// finish cancels it). Null when sent, else why not.
    /// </summary>
    private async Task<string?> ExitKeepingStopAsync(
        TradingDbContext database, PositionRecord position, Instrument instrument, decimal quantity, ExitReason reason, string correlationId, CancellationToken cancellationToken,
        string? linkId = null)
    {
        if (quantity >= position.OpenQuantity)
        {
            var others = await database.Orders
                .Where(order => order.PositionId == position.PositionId && !(order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop))
                .ToListAsync(cancellationToken);
            foreach (var order in others.Where(order => !order.Status.IsTerminal() && order.Purpose != OrderPurpose.StopLoss && order.Purpose != OrderPurpose.Exit))
            {
                if (!lease.IsHeld)
                {
                    break;
                }

                await CancelOrderAsync(database, position, order, correlationId, cancellationToken);
            }
        }

        return await SendExitAsync(database, position, instrument, quantity, reason, correlationId, cancellationToken, linkId);
    }

    /// <summary>
    /// Records whether the position is exposed: open quantity and no working venue stop. An exposure starts with a
    /// structured warning and is timed until a stop is confirmed working or the position is flat; each episode is added
    /// to the position's figures (<c>GET /api/trading/protection</c>) and to the unprotected-duration metric.
    /// </summary>
    private async Task TrackExposureAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        if (StopPlacement != StopPlacement.Venue)
        {
            return;
        }

        var exposed = position.Status.IsActive() && position.OpenQuantity > 0
            && !(await VenueStopsAsync(database, position, cancellationToken)).Any(order => order.Status.IsWorking());
        exposure.Track(position, exposed);

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The quantity the venue stop must cover: the open quantity, plus whatever an entry order may have filled that the
    /// executor has not booked yet: one whose answer was lost (still Pending: the venue may hold its fill) or a market
    /// order still working. A reduce-only stop larger than the position is capped by the venue when it fires, so covering
    /// too much costs nothing, while covering too little leaves the unknown fill without a stop until the order's fate is
    /// known. Resting limit slices are not counted: their fills are booked and the stop resized in the round they appear.
    /// </summary>
    private static async Task<decimal> StopQuantityAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        if (position.Status != PositionRecordStatus.Opening)
        {
            return position.OpenQuantity;
        }

        var unbooked = (await EntryOrdersAsync(database, position, cancellationToken))
            .Where(order => order.Status == OrderRecordStatus.Pending || (order.OrderType == OrderStyle.Market && !order.Status.IsTerminal()))
            .Sum(order => order.Quantity - order.FilledQuantity);
        return position.OpenQuantity + unbooked;
    }

    /// <summary>Whether the last price is already at or through <paramref name="level"/> against the position, where a stop could not rest.</summary>
    private async Task<bool> PriceThroughAsync(PositionRecord position, Instrument instrument, decimal level, CancellationToken cancellationToken) =>
        await venue.GetTickerAsync(instrument.Symbol, cancellationToken) is { } ticker && (ticker.LastPrice - level) * position.Direction.Sign() <= 0;

    /// <summary>The position's venue stop orders, oldest first (terminal ones included).</summary>
    private static async Task<List<OrderRecord>> VenueStopsAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        var prefix = position.PositionId + "-s";
        return (await database.Orders.Where(order => order.OrderId.StartsWith(prefix)).ToListAsync(cancellationToken))
            .OrderBy(order => order.CreatedAt).ThenBy(order => order.OrderId.Length).ThenBy(order => order.OrderId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The engine's answers to the <see cref="StopKeeper"/>: the booked stops, the venue's ticker, and the router.</summary>
    private sealed class BookedStopOrders(TradingEngine engine, ExposureClock exposure, TradingDbContext database, PositionRecord position, Instrument instrument, string correlationId) : IStopOrders
    {
        public async Task<IReadOnlyList<OrderRecord>> StopsAsync(CancellationToken cancellationToken) => await VenueStopsAsync(database, position, cancellationToken);

        public Task<bool> LevelCrossedAsync(decimal level, CancellationToken cancellationToken) => engine.PriceThroughAsync(position, instrument, level, cancellationToken);

        public Task<OrderRecord?> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken) =>
            engine.PlaceAsync(database, position, placement, OrderPurpose.StopLoss, correlationId, cancellationToken);

        public Task CancelAsync(OrderRecord order, CancellationToken cancellationToken) => engine.CancelOrderAsync(database, position, order, correlationId, cancellationToken);

        public async Task ConfirmedAsync(CancellationToken cancellationToken)
        {
            if (position.UnprotectedSince is not null)
            {
                // Committed at once: a round that fails later must not leave the exposure running in the database.
                exposure.End(position);
                await database.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
