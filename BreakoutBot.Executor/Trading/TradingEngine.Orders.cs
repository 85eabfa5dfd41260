using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// Records the order (Pending) and commits before sending, so a crash after the send still finds it by its
    /// orderLinkId; then sends it at most once and records the venue's answer. Refused when the lease is not held.
    /// </summary>
    private async Task<OrderRecord?> PlaceAsync(
        TradingDbContext database, PositionRecord? position, OrderPlacement placement, string purpose, string correlationId, CancellationToken cancellationToken)
    {
        if (!lease.IsHeld)
        {
            Log.OrderRefusedWithoutLease(logger, placement.OrderLinkId);
            return null;
        }

        using var activity = telemetry.ActivitySource.StartActivity("order.place", ActivityKind.Client);
        activity?.SetTag("breakoutbot.order.purpose", purpose);
        activity?.SetTag("breakoutbot.order.link_id", placement.OrderLinkId);
        var now = clock.GetUtcNow();
        var order = await database.Orders.FindAsync([placement.OrderLinkId], cancellationToken);
        if (order is null)
        {
            order = new OrderRecord
            {
                OrderId = placement.OrderLinkId,
                PositionId = position?.PositionId,
                SignalId = position?.SignalId,
                Symbol = placement.Symbol.Value,
                Side = placement.Side,
                Purpose = purpose,
                OrderType = placement.TriggerPrice is not null ? "Stop" : placement.IsMarket ? "Market" : "Limit",
                Price = placement.LimitPrice,
                TriggerPrice = placement.TriggerPrice,
                Quantity = placement.Quantity,
                ReduceOnly = placement.ReduceOnly,
                Status = OrderStatuses.Pending,
                CreatedAt = now,
                UpdatedAt = now,
            };
            database.Orders.Add(order);
            await database.SaveChangesAsync(cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var venueOrder = await venue.PlaceOrderAsync(placement, cancellationToken);
            metrics.OrderToAck(ElapsedMs(started), purpose);
            metrics.Order(purpose, "accepted");
            await ApplyVenueOrderAsync(database, position, order, venueOrder, correlationId, cancellationToken);
        }
        catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.DuplicateOrderLinkId)
        {
            // An earlier send of this order reached the venue (its answer was lost): the order exists, so it is looked
            // up, never booked Rejected; until the venue shows it, it stays Pending.
            metrics.Order(purpose, "duplicate");
            if (await venue.GetOrderAsync(placement.Symbol, order.OrderId, cancellationToken) is { } existing)
            {
                await ApplyVenueOrderAsync(database, position, order, existing, correlationId, cancellationToken);
            }
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
            order.Status = OrderStatuses.Rejected;
            order.RejectReason = $"{exception.RetCode}: {exception.Message}";
            order.UpdatedAt = clock.GetUtcNow();
            OrderEvent(database, order, correlationId);
            Log.OrderRejected(logger, order.OrderId, exception.RetCode, exception.Message);
        }

        await database.SaveChangesAsync(cancellationToken);
        return order;
    }

    /// <summary>The placement an order record stands for, to send it again under its orderLinkId.</summary>
    private static OrderPlacement PlacementOf(OrderRecord order, Instrument instrument) => order.OrderType switch
    {
        "Stop" => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: true, order.Quantity, order.OrderId, ReduceOnly: order.ReduceOnly, TriggerPrice: order.TriggerPrice,
            TriggerDirection: order.Side == OrderSide.Sell ? TriggerDirection.FallsTo : TriggerDirection.RisesTo),
        "Limit" when order.Purpose == OrderPurposes.Entry => EntryPlacement(order, instrument),
        "Limit" => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: false, order.Quantity, order.OrderId, order.Price, TimeInForce: "GTC", ReduceOnly: order.ReduceOnly),
        _ => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: true, order.Quantity, order.OrderId, ReduceOnly: order.ReduceOnly),
    };

    /// <summary>Books what the venue reports about an order: status, and any newly executed quantity as a fill.</summary>
    private async Task ApplyVenueOrderAsync(
        TradingDbContext database, PositionRecord? position, OrderRecord order, VenueOrder venueOrder, string correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = order.Status != venueOrder.Status || order.FilledQuantity != venueOrder.FilledQuantity;
        var newQuantity = venueOrder.FilledQuantity - order.FilledQuantity;
        if (newQuantity > 0)
        {
            var previousNotional = (order.AveragePrice ?? 0) * order.FilledQuantity;
            var totalNotional = (venueOrder.AveragePrice ?? 0) * venueOrder.FilledQuantity;
            var price = (totalNotional - previousNotional) / newQuantity;
            var feesSoFar = await database.Fills.Where(fill => fill.OrderId == order.OrderId).SumAsync(fill => (decimal?)fill.Fee, cancellationToken) ?? 0m;
            var fee = venueOrder.Fee - feesSoFar;
            var fillId = TradingIds.Fill(order.OrderId, venueOrder.FilledQuantity);
            if (await database.Fills.FindAsync([fillId], cancellationToken) is null)
            {
                var executedAt = venueOrder.UpdatedTime ?? now;
                RecordFill(database, order, fillId, price, newQuantity, fee, order.OrderType == "Limit" ? LiquidityRole.Maker : LiquidityRole.Taker, executedAt, correlationId);
                _equityDue = true;
                if (position is not null)
                {
                    await BookFillAsync(database, position, order, price, newQuantity, fee, executedAt, correlationId, cancellationToken);
                }
            }
        }

        order.VenueOrderId = venueOrder.OrderId;
        order.PlacedAt ??= venueOrder.CreatedTime;
        order.Status = venueOrder.Status;
        order.FilledQuantity = venueOrder.FilledQuantity;
        order.AveragePrice = venueOrder.AveragePrice;
        order.RejectReason = venueOrder.Reason.Length > 0 ? venueOrder.Reason : order.RejectReason;
        order.UpdatedAt = now;
        if (changed)
        {
            OrderEvent(database, order, correlationId);
        }
    }

    /// <summary>Adds a fill of <paramref name="order"/> and its <see cref="FillRecorded"/> event (same transaction).</summary>
    private void RecordFill(
        TradingDbContext database, OrderRecord order, string fillId, decimal price, decimal quantity, decimal fee, LiquidityRole liquidity, DateTimeOffset executedAt, string correlationId)
    {
        var now = clock.GetUtcNow();
        database.Fills.Add(new FillRecord
        {
            ExecutionId = fillId,
            OrderId = order.OrderId,
            PositionId = order.PositionId,
            Symbol = order.Symbol,
            Side = order.Side,
            Price = price,
            Quantity = quantity,
            Fee = fee,
            Liquidity = liquidity,
            ExecutedAt = executedAt,
            RecordedAt = now,
        });
        Outbox.Event(database, new FillRecorded(fillId, order.OrderId, order.PositionId, order.Symbol, order.Side, price, quantity, fee, liquidity, executedAt), correlationId, now);
        metrics.Fill(order.Purpose);
    }

    /// <summary>Applies a fill to its position: entries build the average price, exits realise PnL; fees always count.</summary>
    private async Task BookFillAsync(
        TradingDbContext database, PositionRecord position, OrderRecord order, decimal price, decimal quantity, decimal fee, DateTimeOffset at, string correlationId, CancellationToken cancellationToken)
    {
        position.Fees += fee;
        position.RealizedPnl -= fee;
        if (order.Purpose == OrderPurposes.Entry)
        {
            position.OpenedAt = position.OpenQuantity == 0 ? at : position.OpenedAt;
            position.AddEntryFill(quantity, price);

            // Exposed from the first fill until the venue confirms a stop: the one exposure the design allows. A later
            // slice's fill adds to a position whose stop already works (and is resized right after): not an exposure.
            if (position.OpenQuantity == quantity)
            {
                StartExposure(position);
            }
            return;
        }

        position.ReduceByFill(Math.Min(quantity, position.OpenQuantity), price);
        if (order.Purpose == OrderPurposes.TakeProfit && TradingIds.RungOf(order.OrderId) is { } rung)
        {
            var targets = Targets(position);
            if (rung - 1 < targets.Count && !targets[rung - 1].IsFilled)
            {
                targets[rung - 1] = targets[rung - 1] with { IsFilled = true };
                position.TargetsJson = System.Text.Json.JsonSerializer.Serialize(targets, TargetJson);
                await AfterTakeProfitAsync(database, position, rung, correlationId, cancellationToken);
            }
        }

        PositionEvent(database, position);
    }

    /// <summary>After the first take-profit fills, the stop goes to breakeven (when the preset enables it).</summary>
    private async Task AfterTakeProfitAsync(TradingDbContext database, PositionRecord position, int rung, string correlationId, CancellationToken cancellationToken)
    {
        if (rung != 1 || position.OpenQuantity <= 0 || InstrumentOf(position.Symbol) is not { } instrument
            || await PresetOfAsync(database, position, cancellationToken) is not { PositionConfig.BreakevenEnabled: true } preset)
        {
            return;
        }

        var price = (await venue.GetTickerAsync(instrument.Symbol, cancellationToken))?.LastPrice ?? position.EntryPrice;
        var (_, move, refusal) = PositionRules.MoveStopToBreakeven(Managed(position, instrument), price, preset.PositionConfig.BreakevenBufferBps, instrument);
        if (move is not null)
        {
            await MoveStopAsync(database, position, instrument, move, correlationId, cancellationToken);
        }
        else
        {
            Log.BreakevenSkipped(logger, position.PositionId, refusal ?? "");
        }
    }

    /// <summary>Sends a reduce-only market order closing <paramref name="quantity"/>; null when sent, else why not.</summary>
    private async Task<string?> SendExitAsync(
        TradingDbContext database, PositionRecord position, Instrument instrument, decimal quantity, ExitReason reason, string correlationId, CancellationToken cancellationToken,
        string? linkId = null)
    {
        var prefix = position.PositionId + "-x";
        var purpose = reason is ExitReason.StopLoss or ExitReason.BreakevenStop or ExitReason.TrailingStop ? OrderPurposes.StopLoss : OrderPurposes.Exit;
        linkId ??= TradingIds.Exit(position.PositionId, await database.Orders.CountAsync(order => order.OrderId.StartsWith(prefix), cancellationToken) + 1);
        var placement = new OrderPlacement(instrument.Symbol, position.Direction.ClosingSide(), IsMarket: true, quantity, linkId, ReduceOnly: true);
        if (quantity >= position.OpenQuantity)
        {
            position.Status = PositionStatuses.Closing;
            position.ExitReason ??= reason.ToString();
        }

        var order = await PlaceAsync(database, position, placement, purpose, correlationId, cancellationToken);
        if (order is null)
        {
            return "this executor does not hold the account lease";
        }

        Log.ExitSent(logger, position.PositionId, reason, quantity);
        return order.Status != OrderStatuses.Rejected ? null
            : position.Status == PositionStatuses.Closing ? $"the venue refused the exit ({order.RejectReason}); it goes out again until the position is flat, its stop stays meanwhile"
            : $"the venue refused the exit: {order.RejectReason}";
    }

    /// <summary>Cancels the position's working orders (of one purpose, or all) on the venue and books the result.</summary>
    private async Task CancelWorkingOrdersAsync(TradingDbContext database, PositionRecord position, string? purpose, string correlationId, CancellationToken cancellationToken)
    {
        var working = await database.Orders
            .Where(order => order.PositionId == position.PositionId && (purpose == null || order.Purpose == purpose))
            .ToListAsync(cancellationToken);
        foreach (var order in working.Where(order => !OrderStatuses.IsTerminal(order.Status)))
        {
            if (!lease.IsHeld)
            {
                return;
            }

            await CancelOrderAsync(database, position, order, correlationId, cancellationToken);
        }
    }

    /// <summary>Cancels one order on the venue and books how it ended (fills that came first included).</summary>
    private async Task CancelOrderAsync(TradingDbContext database, PositionRecord position, OrderRecord order, string correlationId, CancellationToken cancellationToken)
    {
        var symbol = InstrumentSymbol.Parse(order.Symbol);
        order.CancelRequestedAt ??= clock.GetUtcNow();
        var venueHadIt = await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken);
        if (await venue.GetOrderAsync(symbol, order.OrderId, cancellationToken) is { } venueOrder)
        {
            await ApplyVenueOrderAsync(database, position, order, venueOrder, correlationId, cancellationToken);
        }
        else if (order.Status == OrderStatuses.Pending && !venueHadIt && clock.GetUtcNow() - order.CreatedAt > _options.LostOrderTimeout)
        {
            // An unanswered order ends here only once the venue has had time to show it and still says "no such order":
            // a new order is shown a moment late, and one that filled at once answers a cancel with "not found" too.
            // Until then it stays Pending; the lookup that shows it books how it ended, fills included.
            EndUnseenOrder(database, order, correlationId);
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Orders whose outcome is still unknown after their position closed (or that belong to none: a flatten's) are not
    /// forgotten: each is looked up until the venue shows it, and one it never shows ends as in a position's round.
    /// </summary>
    private async Task ResolveLeftoverOrdersAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        var leftovers = await database.Orders
            .Where(order => order.Status == OrderStatuses.Pending
                && (order.PositionId == null || database.Positions.Any(position => position.PositionId == order.PositionId && position.Status == PositionStatuses.Closed)))
            .ToListAsync(cancellationToken);
        foreach (var order in leftovers.Where(_ => lease.IsHeld))
        {
            var symbol = InstrumentSymbol.Parse(order.Symbol);
            var correlationId = order.SignalId ?? order.PositionId ?? order.OrderId;
            if (await venue.GetOrderAsync(symbol, order.OrderId, cancellationToken) is { } venueOrder)
            {
                await ApplyVenueOrderAsync(database, null, order, venueOrder, correlationId, cancellationToken);
                if (!OrderStatuses.IsTerminal(order.Status) && order.PositionId is not null)
                {
                    await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken);
                }
            }
            else if (clock.GetUtcNow() - order.CreatedAt > _options.LostOrderTimeout && !await venue.CancelOrderAsync(symbol, order.OrderId, cancellationToken))
            {
                EndUnseenOrder(database, order, correlationId);
            }

            await database.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Ends an unanswered order the venue never showed within <c>Executor:LostOrderTimeout</c> and answered a cancel
    /// by its orderLinkId with "not found": it never got there, so it is Cancelled (not Rejected: nobody refused it).
    /// </summary>
    private void EndUnseenOrder(TradingDbContext database, OrderRecord order, string correlationId)
    {
        order.Status = OrderStatuses.Cancelled;
        order.RejectReason = "never shown by the venue; a cancel by its orderLinkId found nothing";
        order.UpdatedAt = clock.GetUtcNow();
        OrderEvent(database, order, correlationId);
    }

    private void OrderEvent(TradingDbContext database, OrderRecord order, string correlationId)
    {
        var now = clock.GetUtcNow();
        Outbox.Event(database, new Messaging.Messages.OrderUpdated(TradingIds.NewEventId(), order.OrderId, order.VenueOrderId, order.PositionId, order.SignalId, order.Symbol, order.Side,
            order.Purpose, order.OrderType, order.Price, order.TriggerPrice, order.Quantity, order.FilledQuantity, order.AveragePrice, order.Status, order.RejectReason, now), correlationId, now);
    }

    private void PositionEvent(TradingDbContext database, PositionRecord position)
    {
        var now = clock.GetUtcNow();
        Outbox.Event(database, new PositionUpdated(TradingIds.NewEventId(), position.PositionId, position.Symbol, position.Direction, position.Status, position.EntryPrice,
            position.OriginalQuantity, position.OpenQuantity, position.Stop, position.StopKind, position.RealizedPnl, position.OpenedAt, now), position.SignalId ?? position.PositionId, now);
    }

    private static List<TakeProfitTarget> Targets(PositionRecord position) =>
        System.Text.Json.JsonSerializer.Deserialize<List<TakeProfitTarget>>(position.TargetsJson, TargetJson) ?? [];

    private static ManagedPosition Managed(PositionRecord position, Instrument instrument) => new()
    {
        Id = position.PositionId,
        Symbol = instrument.Symbol,
        Direction = position.Direction,
        EntryPrice = position.EntryPrice,
        InitialStop = position.InitialStop,
        Stop = position.Stop,
        StopKind = Enum.Parse<StopKind>(position.StopKind),
        OriginalQuantity = position.OriginalQuantity,
        OpenQuantity = position.OpenQuantity,
        OpenedAt = position.OpenedAt,
        Targets = Targets(position),
        BreakoutLevel = position.BreakoutLevel,
        BestPrice = position.BestPrice,
        BarsHeld = position.BarsHeld,
        Status = position.OpenQuantity <= 0 ? PositionStatus.Closed
            : position.OpenQuantity < position.OriginalQuantity ? PositionStatus.PartiallyClosed : PositionStatus.Open,
    };

    private async Task<(PositionRecord Record, ManagedPosition Managed, Instrument Instrument)?> FindManagedAsync(
        TradingDbContext database, string? positionId, CancellationToken cancellationToken)
    {
        if (positionId is null
            || await database.Positions.FindAsync([positionId], cancellationToken) is not { Status: PositionStatuses.Open } record
            || InstrumentOf(record.Symbol) is not { } instrument)
        {
            return null;
        }

        return (record, Managed(record, instrument), instrument);
    }
}
