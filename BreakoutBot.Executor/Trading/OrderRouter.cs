using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Venue;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The one owner of orders and their fate at the venue: it records an order before sending it (so a crash after the
/// send still finds it by its orderLinkId), sends it at most once, and books what the venue says about it — status,
/// newly executed quantity as a fill with its <see cref="FillRecorded"/> event. Only the venue's word that an order
/// does not exist makes it Rejected; an unknown outcome stays Pending until a lookup or a cancel by orderLinkId tells.
/// It knows nothing of positions: each new fill is returned, and the caller books it into its position in the same
/// unit of work (the router never commits a fill on its own).
/// </summary>
public sealed class OrderRouter(
    IVenue venue,
    AccountLease lease,
    IOptions<ExecutorOptions> options,
    ExecutorMetrics metrics,
    ServiceTelemetry telemetry,
    TimeProvider clock,
    ILogger<OrderRouter> logger)
{
    /// <summary>
    /// Records the order (Pending) and commits before sending, then sends it and applies the venue's answer without
    /// committing it. Null when this executor does not hold the account lease (nothing recorded, nothing sent).
    /// </summary>
    public async Task<OrderStep?> PlaceAsync(
        TradingDbContext database, PositionRecord? position, OrderPlacement placement, OrderPurpose purpose, string correlationId, CancellationToken cancellationToken)
    {
        if (!lease.IsHeld)
        {
            Log.OrderRefusedWithoutLease(logger, placement.OrderLinkId);
            return null;
        }

        using var activity = telemetry.ActivitySource.StartActivity("order.place", ActivityKind.Client);
        activity?.SetTag("breakoutbot.order.purpose", purpose);
        activity?.SetTag("breakoutbot.order.link_id", placement.OrderLinkId);
        var order = await database.Orders.FindAsync([placement.OrderLinkId], cancellationToken);
        if (order is null)
        {
            order = NewRecord(position, placement, purpose, clock.GetUtcNow());
            database.Orders.Add(order);
            await database.SaveChangesAsync(cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var venueOrder = await venue.PlaceOrderAsync(placement, cancellationToken);
            metrics.OrderToAck(Stopwatch.GetElapsedTime(started).TotalMilliseconds, purpose);
            metrics.Order(purpose, "accepted");
            return new OrderStep(order, await ApplyAsync(database, order, venueOrder, correlationId, cancellationToken));
        }
        catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.DuplicateOrderLinkId)
        {
            // An earlier send of this order reached the venue (its answer was lost): the order exists, so it is looked
            // up, never booked Rejected; until the venue shows it, it stays Pending.
            metrics.Order(purpose, "duplicate");
            var existing = await venue.GetOrderAsync(placement.Symbol, order.OrderId, cancellationToken);
            return new OrderStep(order, existing is null ? null : await ApplyAsync(database, order, existing, correlationId, cancellationToken));
        }
        catch (Exception exception) when (BybitRetCodes.IsUnknownOutcome(exception) && !cancellationToken.IsCancellationRequested)
        {
            // Outcome unknown: the order stays Pending and the next refresh asks the venue by its orderLinkId.
            metrics.Order(purpose, "unknown");
            Log.OrderOutcomeUnknown(logger, order.OrderId, exception);
        }
        catch (BybitApiException exception)
        {
            metrics.Order(purpose, "rejected");
            order.Status = OrderRecordStatus.Rejected;
            order.RejectReason = $"{exception.RetCode}: {exception.Message}";
            order.UpdatedAt = clock.GetUtcNow();
            Publish(database, order, correlationId);
            Log.OrderRejected(logger, order.OrderId, exception.RetCode, exception.Message);
        }

        return new OrderStep(order, null);
    }

    /// <summary>
    /// Books what the venue reports about an order: its status, and any quantity executed since the last report as one
    /// fill (recorded once, whatever number of times the same report arrives). Returns that fill, or null. A status we do
    /// not know is logged and not booked (the order keeps the one it had), so it can neither end the order nor revive it.
    /// </summary>
    public async Task<OrderFill?> ApplyAsync(TradingDbContext database, OrderRecord order, VenueOrder venueOrder, string correlationId, CancellationToken cancellationToken)
    {
        var status = OrderRecordStatusExtensions.FromVenue(venueOrder.Status);
        if (status is null)
        {
            Log.UnknownVenueOrderStatus(logger, order.OrderId, venueOrder.Status, order.Status);
        }

        var changed = (status is { } reported && order.Status != reported) || order.FilledQuantity != venueOrder.FilledQuantity;
        OrderFill? fill = null;
        var newQuantity = venueOrder.FilledQuantity - order.FilledQuantity;
        if (newQuantity > 0)
        {
            var previousNotional = (order.AveragePrice ?? 0) * order.FilledQuantity;
            var totalNotional = (venueOrder.AveragePrice ?? 0) * venueOrder.FilledQuantity;
            var price = (totalNotional - previousNotional) / newQuantity;
            var feesSoFar = await database.Fills.Where(row => row.OrderId == order.OrderId).SumAsync(row => (decimal?)row.Fee, cancellationToken) ?? 0m;
            var fillId = TradingIds.Fill(order.OrderId, venueOrder.FilledQuantity);
            if (await database.Fills.FindAsync([fillId], cancellationToken) is null)
            {
                fill = new OrderFill(fillId, price, newQuantity, venueOrder.Fee - feesSoFar, venueOrder.UpdatedTime ?? clock.GetUtcNow());
                RecordFill(database, order, fill, order.OrderType == OrderStyle.Limit ? LiquidityRole.Maker : LiquidityRole.Taker, correlationId);
            }
        }

        order.VenueOrderId = venueOrder.OrderId;
        order.PlacedAt ??= venueOrder.CreatedTime;
        order.Status = status ?? order.Status;
        order.FilledQuantity = venueOrder.FilledQuantity;
        order.AveragePrice = venueOrder.AveragePrice;
        order.RejectReason = venueOrder.Reason.Length > 0 ? venueOrder.Reason : order.RejectReason;
        order.UpdatedAt = clock.GetUtcNow();
        if (changed)
        {
            Publish(database, order, correlationId);
        }

        return fill;
    }

    /// <summary>Adds a fill of <paramref name="order"/> and its <see cref="FillRecorded"/> event (same transaction).</summary>
    public void RecordFill(TradingDbContext database, OrderRecord order, OrderFill fill, LiquidityRole liquidity, string correlationId)
    {
        var now = clock.GetUtcNow();
        database.Fills.Add(new FillRecord
        {
            ExecutionId = fill.FillId,
            OrderId = order.OrderId,
            PositionId = order.PositionId,
            Symbol = order.Symbol,
            Side = order.Side,
            Price = fill.Price,
            Quantity = fill.Quantity,
            Fee = fill.Fee,
            Liquidity = liquidity,
            ExecutedAt = fill.ExecutedAt,
            RecordedAt = now,
        });
        Outbox.Event(database, new FillRecorded(fill.FillId, order.OrderId, order.PositionId, order.Symbol, order.Side, fill.Price, fill.Quantity, fill.Fee, liquidity, fill.ExecutedAt),
            correlationId, now);
        metrics.Fill(order.Purpose);
    }

    /// <summary>
    /// Cancels one order on the venue and applies how it ended (fills that came first included; returned, not committed).
    /// An unanswered order the venue still does not know after <c>Executor:LostOrderTimeout</c> never got there.
    /// </summary>
    public async Task<OrderFill?> CancelAsync(TradingDbContext database, OrderRecord order, string correlationId, CancellationToken cancellationToken)
    {
        var symbol = InstrumentSymbol.Parse(order.Symbol);
        order.CancelRequestedAt ??= clock.GetUtcNow();
        var venueHadIt = await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken);
        if (await venue.GetOrderAsync(symbol, order.OrderId, cancellationToken) is { } venueOrder)
        {
            return await ApplyAsync(database, order, venueOrder, correlationId, cancellationToken);
        }

        if (order.Status == OrderRecordStatus.Pending && !venueHadIt && IsPastLostOrderTimeout(order.CreatedAt))
        {
            // An unanswered order ends here only once the venue has had time to show it and still says "no such order":
            // a new order is shown a moment late, and one that filled at once answers a cancel with "not found" too.
            // Until then it stays Pending; the lookup that shows it books how it ended, fills included.
            EndUnseen(database, order, correlationId);
        }

        return null;
    }

    /// <summary>
    /// Orders whose outcome is still unknown after their position closed (or that belong to none: a flatten's) are not
    /// forgotten: each is looked up until the venue shows it (and cancelled if it still works), and one it never shows
    /// ends as unseen. Each is committed as it is settled.
    /// </summary>
    public async Task ResolveLeftoversAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        var leftovers = await database.Orders
            .Where(order => order.Status == OrderRecordStatus.Pending
                && (order.PositionId == null || database.Positions.Any(position => position.PositionId == order.PositionId && position.Status == PositionRecordStatus.Closed)))
            .ToListAsync(cancellationToken);
        foreach (var order in leftovers.Where(_ => lease.IsHeld))
        {
            var symbol = InstrumentSymbol.Parse(order.Symbol);
            var correlationId = order.SignalId ?? order.PositionId ?? order.OrderId;
            if (await venue.GetOrderAsync(symbol, order.OrderId, cancellationToken) is { } venueOrder)
            {
                await ApplyAsync(database, order, venueOrder, correlationId, cancellationToken);
                if (!order.Status.IsTerminal() && order.PositionId is not null)
                {
                    await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken);
                }
            }
            else if (IsPastLostOrderTimeout(order.CreatedAt) && !await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken))
            {
                EndUnseen(database, order, correlationId);
            }

            await database.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Decides about an order the venue does not show. Only a Pending order (its answer lost) is ours to resolve, and
    /// only once the venue has had <c>Executor:LostOrderTimeout</c> to show it, since a lookup that finds nothing is
    /// not proof:
    /// <list type="bullet">
    /// <item>a cancel was asked for and it is still unknown: it never got there (<see cref="UnshownOrderAction.EndAsUnseen"/>);</item>
    /// <item>an entry is never sent late — by now its price, its window and its share of the risk budget are gone, and
    /// the position may have been stopped meanwhile — so a cancel by its orderLinkId ends it: the venue tells how it
    /// ended if it has it, else it never got there (<see cref="UnshownOrderAction.Cancel"/>);</item>
    /// <item>anything else (a stop, a take-profit, an exit) goes out again under the same orderLinkId: the venue
    /// answers that it exists (duplicate: it stays Pending until shown), or takes it now, or refuses it, and only that
    /// refusal makes it Rejected (<see cref="UnshownOrderAction.SendAgain"/>).</item>
    /// </list>
    /// </summary>
    public UnshownOrderAction DecideUnshown(OrderRecord order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != OrderRecordStatus.Pending)
        {
            return UnshownOrderAction.Wait;
        }

        if (order.CancelRequestedAt is not null && IsPastLostOrderTimeout(order.CreatedAt))
        {
            return UnshownOrderAction.EndAsUnseen;
        }

        if (!IsPastLostOrderTimeout(order.UpdatedAt))
        {
            return UnshownOrderAction.Wait;
        }

        return order.Purpose is OrderPurpose.Entry or OrderPurpose.AddOn ? UnshownOrderAction.Cancel : UnshownOrderAction.SendAgain;
    }

    /// <summary>
    /// Ends an unanswered order the venue never showed within <c>Executor:LostOrderTimeout</c> and answered a cancel
    /// by its orderLinkId with "not found": it never got there, so it is Cancelled (not Rejected: nobody refused it).
    /// </summary>
    public void EndUnseen(TradingDbContext database, OrderRecord order, string correlationId)
    {
        order.Status = OrderRecordStatus.Cancelled;
        order.RejectReason = "never shown by the venue; a cancel by its orderLinkId found nothing";
        order.UpdatedAt = clock.GetUtcNow();
        Publish(database, order, correlationId);
    }

    /// <summary>Adds the order's <see cref="Messaging.Messages.OrderUpdated"/> event to the caller's unit of work.</summary>
    public void Publish(TradingDbContext database, OrderRecord order, string correlationId)
    {
        var now = clock.GetUtcNow();
        Outbox.Event(database, new Messaging.Messages.OrderUpdated(TradingIds.NewEventId(), order.OrderId, order.VenueOrderId, order.PositionId, order.SignalId, order.Symbol, order.Side,
            order.Purpose.ToString(), order.OrderType.ToString(), order.Price, order.TriggerPrice, order.Quantity, order.FilledQuantity, order.AveragePrice, order.Status.ToString(), order.RejectReason, now), correlationId, now);
    }

    /// <summary>Whether the venue has had <c>Executor:LostOrderTimeout</c> since <paramref name="since"/> to show an order.</summary>
    private bool IsPastLostOrderTimeout(DateTimeOffset since) => clock.GetUtcNow() - since > options.Value.LostOrderTimeout;

    private static OrderRecord NewRecord(PositionRecord? position, OrderPlacement placement, OrderPurpose purpose, DateTimeOffset now) => new()
    {
        OrderId = placement.OrderLinkId,
        PositionId = position?.PositionId,
        SignalId = position?.SignalId,
        Symbol = placement.Symbol.Value,
        Side = placement.Side,
        Purpose = purpose,
        OrderType = placement.TriggerPrice is not null ? OrderStyle.Stop : placement.IsMarket ? OrderStyle.Market : OrderStyle.Limit,
        Price = placement.LimitPrice,
        TriggerPrice = placement.TriggerPrice,
        Quantity = placement.Quantity,
        ReduceOnly = placement.ReduceOnly,
        Status = OrderRecordStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
