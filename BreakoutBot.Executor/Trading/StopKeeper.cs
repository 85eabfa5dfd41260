using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The rules that keep one position's venue stop, carried out against <see cref="IStopOrders"/>: one working stop at
/// the position's level for the whole quantity it must cover. A replacement goes on first, and older stops are
/// cancelled only once the venue has confirmed the replacement working, so a refused or unanswered replacement leaves
/// the old stop where it was (for a moment two reduce-only stops rest; whichever fires second finds nothing to
/// reduce). A level the price has already passed is never sent, not even again: the caller exits at market instead. A
/// stop recorded but maybe never sent (a crash, a lost answer) goes out again under the same orderLinkId.
/// </summary>
internal static class StopKeeper
{
    /// <summary>Brings the venue stop to <paramref name="target"/> as far as the venue lets it in one pass, and says what that left.</summary>
    public static async Task<StopSync> SyncAsync(IStopOrders orders, StopTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (target.Quantity <= 0)
        {
            return StopSync.NotWanted;
        }

        var stops = await orders.StopsAsync(cancellationToken);
        var wanted = WantedStop(stops, target);
        if (wanted is null || wanted.Status == OrderRecordStatus.Pending)
        {
            // Nothing is sent at a level the price has passed, a stop sent again included (the venue would refuse it,
            // or fire it at once): the position exits at market instead.
            if (await orders.LevelCrossedAsync(target.Level, cancellationToken))
            {
                return StopSync.Crossed;
            }

            wanted = await orders.PlaceAsync(Placement(target, wanted?.OrderId ?? TradingIds.Stop(target.PositionId, stops.Count + 1)), cancellationToken);
        }

        if (wanted is null || wanted.Status == OrderRecordStatus.Pending)
        {
            return StopSync.Unconfirmed;
        }

        if (!wanted.Status.IsWorking())
        {
            return StopSync.Refused;
        }

        await orders.ConfirmedAsync(cancellationToken);
        foreach (var stale in stops.Where(order => order.OrderId != wanted.OrderId && !order.Status.IsTerminal()).ToList())
        {
            await orders.CancelAsync(stale, cancellationToken);
        }

        return StopSync.Working;
    }

    /// <summary>The stop already standing for the target (working or still unanswered), or null when one has to be placed.</summary>
    public static OrderRecord? WantedStop(IEnumerable<OrderRecord> stops, StopTarget target) =>
        stops.FirstOrDefault(order => !order.Status.IsTerminal() && order.TriggerPrice == target.Level && order.Quantity == target.Quantity);

    /// <summary>Whether a confirmed working stop stands at <paramref name="level"/> for at least <paramref name="quantity"/>.</summary>
    public static bool IsCovered(IEnumerable<OrderRecord> stops, decimal level, decimal quantity) =>
        stops.Any(order => order.Status.IsWorking() && order.TriggerPrice == level && order.Quantity >= quantity);

    /// <summary>
    /// Whether the venue took the stop away: our stops are replaced place-then-cancel, so a cancelled (or deactivated)
    /// last stop with none working or pending was not cancelled by us.
    /// </summary>
    public static bool WasRemovedAtVenue(IReadOnlyList<OrderRecord> stops) =>
        stops.Count > 0 && !stops.Any(order => order.Status == OrderRecordStatus.Pending || order.Status.IsWorking())
        && stops[^1].Status is OrderRecordStatus.Cancelled or OrderRecordStatus.Deactivated;

    /// <summary>The reduce-only conditional market order on the closing side that is the position's stop.</summary>
    public static OrderPlacement Placement(StopTarget target, string orderLinkId) =>
        new(target.Symbol, target.Direction.ClosingSide(), IsMarket: true, target.Quantity, orderLinkId, ReduceOnly: true, TriggerPrice: target.Level,
            TriggerDirection: target.Direction == PositionDirection.Long ? TriggerDirection.FallsTo : TriggerDirection.RisesTo);
}
