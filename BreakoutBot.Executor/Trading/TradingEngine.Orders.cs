using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// Places an order through the router (recorded and committed before it is sent, sent at most once), books any
    /// fill its answer reports into the position and commits. Null when the lease is not held.
    /// </summary>
    private async Task<OrderRecord?> PlaceAsync(
        TradingDbContext database, PositionRecord? position, OrderPlacement placement, OrderPurpose purpose, string correlationId, CancellationToken cancellationToken)
    {
        if (await router.PlaceAsync(database, position, placement, purpose, correlationId, cancellationToken) is not { } step)
        {
            return null;
        }

        await BookAsync(database, position, step.Order, step.Fill, correlationId, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return step.Order;
    }

    /// <summary>The placement an order record stands for, to send it again under its orderLinkId.</summary>
    private static OrderPlacement PlacementOf(OrderRecord order, Instrument instrument) => order.OrderType switch
    {
        OrderStyle.Stop => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: true, order.Quantity, order.OrderId, ReduceOnly: order.ReduceOnly, TriggerPrice: order.TriggerPrice,
            TriggerDirection: order.Side == OrderSide.Sell ? TriggerDirection.FallsTo : TriggerDirection.RisesTo),
        OrderStyle.Limit when order.Purpose == OrderPurpose.Entry => EntryPlacement(order, instrument),
        OrderStyle.Limit => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: false, order.Quantity, order.OrderId, order.Price, TimeInForce: "GTC", ReduceOnly: order.ReduceOnly),
        _ => new OrderPlacement(instrument.Symbol, order.Side, IsMarket: true, order.Quantity, order.OrderId, ReduceOnly: order.ReduceOnly),
    };

    /// <summary>Applies what the venue reports about an order, and books a new fill into its position (not committed).</summary>
    private async Task ApplyVenueOrderAsync(
        TradingDbContext database, PositionRecord? position, OrderRecord order, VenueOrder venueOrder, string correlationId, CancellationToken cancellationToken)
    {
        var fill = await router.ApplyAsync(database, order, venueOrder, correlationId, cancellationToken);
        await BookAsync(database, position, order, fill, correlationId, cancellationToken);
    }

    /// <summary>A new fill reported by the router: the equity is due for a snapshot and the position takes the fill.</summary>
    private async Task BookAsync(TradingDbContext database, PositionRecord? position, OrderRecord order, OrderFill? fill, string correlationId, CancellationToken cancellationToken)
    {
        if (fill is null)
        {
            return;
        }

        _equityDue = true;
        if (position is not null)
        {
            await BookFillAsync(database, position, order, fill.Price, fill.Quantity, fill.Fee, fill.ExecutedAt, correlationId, cancellationToken);
        }
    }

    /// <summary>Applies a fill to its position: entries build the average price, exits realise PnL; fees always count.</summary>
    private async Task BookFillAsync(
        TradingDbContext database, PositionRecord position, OrderRecord order, decimal price, decimal quantity, decimal fee, DateTimeOffset at, string correlationId, CancellationToken cancellationToken)
    {
        position.PayFee(fee);
        if (order.Purpose is OrderPurpose.Entry or OrderPurpose.AddOn)
        {
            position.OpenedAt = position.OpenQuantity == 0 ? at : position.OpenedAt;
            position.AddEntryFill(quantity, price);

            // Exposed from the first fill until the venue confirms a stop: the one exposure the design allows. A later
            // slice's fill adds to a position whose stop already works (and is resized right after): not an exposure.
            if (position.OpenQuantity == quantity)
            {
                exposure.Start(position);
            }
            return;
        }

        position.ReduceByFill(Math.Min(quantity, position.OpenQuantity), price);
        if (order.Purpose == OrderPurpose.TakeProfit && TradingIds.RungOf(order.OrderId) is { } rung)
        {
            var targets = position.Targets;
            if (rung - 1 < targets.Count && !targets[rung - 1].IsFilled)
            {
                position.Targets = [.. targets.Select((target, index) => index == rung - 1 ? target with { IsFilled = true } : target)];
                await AfterTakeProfitAsync(database, position, rung, correlationId, cancellationToken);
            }
        }

        PositionEvent(database, position);
    }

    /// <summary>
    /// After the first take-profit fills, the stop goes to breakeven (when the preset enables it); when the price is
    /// already back through breakeven, that stop is hit: the position exits at market (<see cref="MoveStopAsync"/>).
    /// </summary>
    private async Task AfterTakeProfitAsync(TradingDbContext database, PositionRecord position, int rung, string correlationId, CancellationToken cancellationToken)
    {
        if (rung != 1 || position.OpenQuantity <= 0 || venueFacts.InstrumentOf(position.Symbol) is not { } instrument
            || await _presets.ForPositionAsync(database, position, cancellationToken) is not { PositionConfig.BreakevenEnabled: true } preset)
        {
            return;
        }

        var (_, move, refusal) = PositionRules.BreakevenAfterTakeProfit(Managed(position, instrument), preset.PositionConfig.BreakevenBufferBps, instrument);
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
        var purpose = reason is ExitReason.StopLoss or ExitReason.BreakevenStop or ExitReason.TrailingStop ? OrderPurpose.StopLoss : OrderPurpose.Exit;
        linkId ??= TradingIds.Exit(position.PositionId, await database.Orders.CountAsync(order => order.OrderId.StartsWith(prefix), cancellationToken) + 1);
        var placement = new OrderPlacement(instrument.Symbol, position.Direction.ClosingSide(), IsMarket: true, quantity, linkId, ReduceOnly: true);
        if (quantity >= position.OpenQuantity)
        {
            position.Status = PositionRecordStatus.Closing;
            position.ExitReason ??= reason.ToString();
        }

        var order = await PlaceAsync(database, position, placement, purpose, correlationId, cancellationToken);
        if (order is null)
        {
            return "this executor does not hold the account lease";
        }

        Log.ExitSent(logger, position.PositionId, reason, quantity);
        return order.Status != OrderRecordStatus.Rejected ? null
            : position.Status == PositionRecordStatus.Closing ? $"the venue refused the exit ({order.RejectReason}); it goes out again until the position is flat, its stop stays meanwhile"
            : $"the venue refused the exit: {order.RejectReason}";
    }

    /// <summary>Cancels the position's working orders (of one purpose, or all) on the venue and books the result.</summary>
    private async Task CancelWorkingOrdersAsync(TradingDbContext database, PositionRecord position, OrderPurpose? purpose, string correlationId, CancellationToken cancellationToken)
    {
        var working = await database.Orders
            .Where(order => order.PositionId == position.PositionId && (purpose == null || order.Purpose == purpose))
            .ToListAsync(cancellationToken);
        foreach (var order in working.Where(order => !order.Status.IsTerminal()))
        {
            if (!lease.IsHeld)
            {
                return;
            }

            await CancelOrderAsync(database, position, order, correlationId, cancellationToken);
        }
    }

    /// <summary>Cancels one order on the venue, books how it ended (fills that came first included) and commits.</summary>
    private async Task CancelOrderAsync(TradingDbContext database, PositionRecord position, OrderRecord order, string correlationId, CancellationToken cancellationToken)
    {
        var fill = await router.CancelAsync(database, order, correlationId, cancellationToken);
        await BookAsync(database, position, order, fill, correlationId, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
    }

    private void PositionEvent(TradingDbContext database, PositionRecord position) => PositionEvents.Updated(database, position, clock.GetUtcNow());

    private static ManagedPosition Managed(PositionRecord position, Instrument instrument) => new()
    {
        Id = position.PositionId,
        Symbol = instrument.Symbol,
        Direction = position.Direction,
        EntryPrice = position.EntryPrice,
        InitialStop = position.InitialStop,
        Stop = position.Stop,
        StopKind = position.StopKind,
        OriginalQuantity = position.OriginalQuantity,
        OpenQuantity = position.OpenQuantity,
        OpenedAt = position.OpenedAt,
        Targets = position.Targets,
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
            || await database.Positions.FindAsync([positionId], cancellationToken) is not { Status: PositionRecordStatus.Open } record
            || venueFacts.InstrumentOf(record.Symbol) is not { } instrument)
        {
            return null;
        }

        return (record, Managed(record, instrument), instrument);
    }
}
