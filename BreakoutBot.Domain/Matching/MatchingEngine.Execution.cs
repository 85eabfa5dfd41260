using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

// The life of an order inside the engine: arrival, triggering, taking and providing liquidity.
public sealed partial class MatchingEngine
{
    private const decimal BpsPerUnit = 10_000m;

    private void ActivateArrived(DateTimeOffset time, List<MatchingEvent> events)
    {
        foreach (var id in _pending.ToList())
        {
            var order = _orders[id];
            if (order.ActiveAt <= time)
            {
                Activate(order, events);
            }
        }
    }

    private void Activate(OrderState order, List<MatchingEvent> events)
    {
        var time = order.ActiveAt;
        _pending.Remove(order.ClientOrderId);
        if (order.Trigger is not { } trigger)
        {
            GoLive(order, time, events);
            return;
        }

        if (ReferencePrice(trigger.Source) is { } reference && trigger.IsReachedBy(reference))
        {
            // Bybit refuses a conditional order whose trigger is already on the wrong side of the current price.
            Record(order.Reject(OrderRejectReason.TriggerAlreadyReached, time), events);
            return;
        }

        Record(Transition(order, OrderStatus.Untriggered, time), events);
        _untriggered.Add(order.ClientOrderId);
    }

    /// <summary>An arrived or just-triggered order enters the book: checks that need market state, then trades or rests.</summary>
    private void GoLive(OrderState order, DateTimeOffset time, List<MatchingEvent> events)
    {
        if (order.Request.ReduceOnly)
        {
            var reducible = Instrument.FloorQuantityToStep(Reducible(order.Request.Side));
            if (reducible <= 0)
            {
                Record(order.Reject(OrderRejectReason.ReduceOnlyWouldIncreasePosition, time), events);
                return;
            }

            if (order.Quantity > reducible)
            {
                order = order.Amend(reducible, order.LimitPrice, order.Trigger, time);
            }
        }

        if (order.Request.TimeInForce == TimeInForce.PostOnly && CrossesBook(order))
        {
            Record(order.Cancel(OrderCancelReason.PostOnlyWouldTakeLiquidity, time), events);
            return;
        }

        if (order.Request.TimeInForce == TimeInForce.FillOrKill && QuantityAvailableToTake(order) < order.Quantity)
        {
            Record(order.Cancel(OrderCancelReason.FillOrKillNotFillable, time), events);
            return;
        }

        Record(Transition(order, OrderStatus.New, time), events);
        Take(order.ClientOrderId, LiquidityRole.Taker, time, events);

        var current = _orders[order.ClientOrderId];
        if (!current.IsOpen)
        {
            return;
        }

        if (current.Request.Type == OrderType.Market || current.Request.TimeInForce is TimeInForce.ImmediateOrCancel or TimeInForce.FillOrKill)
        {
            Record(current.Cancel(OrderCancelReason.NoImmediateQuantityToFill, time), events);
            return;
        }

        _restingPriority[current.ClientOrderId] = ++_priorityCount;
    }

    private void RematchAmended(OrderState order, DateTimeOffset time, List<MatchingEvent> events)
    {
        if (order.Request.TimeInForce == TimeInForce.PostOnly && CrossesBook(order))
        {
            Record(order.Cancel(OrderCancelReason.PostOnlyWouldTakeLiquidity, time), events);
            return;
        }

        Take(order.ClientOrderId, LiquidityRole.Taker, time, events);
    }

    private void FireTriggers(DateTimeOffset time, List<MatchingEvent> events)
    {
        foreach (var id in _untriggered.ToList())
        {
            var order = _orders[id];
            if (order.Status == OrderStatus.Untriggered
                && order.Trigger is { } trigger
                && ReferencePrice(trigger.Source) is { } reference
                && trigger.IsReachedBy(reference))
            {
                var triggered = Transition(order, OrderStatus.Triggered, time);
                Record(triggered, events);
                GoLive(triggered, time, events);
            }
        }
    }

    /// <summary>
    /// Fills an order against the working book, best level first, while the level crosses its price. As taker it pays
    /// the level price (plus slippage for market orders); as maker (the book moved through a resting order) it gets its
    /// own limit price.
    /// </summary>
    private void Take(ClientOrderId id, LiquidityRole role, DateTimeOffset time, List<MatchingEvent> events)
    {
        while (true)
        {
            var order = _orders[id];
            var side = order.Request.Side;
            if (!order.IsOpen || order.LeavesQuantity <= 0 || _book.BestOppositeOf(side) is not { } level || !LevelCrosses(order, level.Price))
            {
                return;
            }

            var price = role == LiquidityRole.Maker ? order.LimitPrice!.Value
                : order.Request.Type == OrderType.Market ? Slipped(side, level.Price)
                : level.Price;
            var filled = FillUpTo(order, Math.Min(order.LeavesQuantity, level.Quantity), price, role, time, events);
            if (filled <= 0)
            {
                return;
            }

            _book.ConsumeBest(side, filled);
        }
    }

    private void FillRestingAgainstBook(DateTimeOffset time, List<MatchingEvent> events)
    {
        foreach (var side in (ReadOnlySpan<OrderSide>)[OrderSide.Buy, OrderSide.Sell])
        {
            foreach (var order in RestingInPriority(side))
            {
                Take(order.ClientOrderId, LiquidityRole.Maker, time, events);
            }
        }
    }

    /// <summary>
    /// A trade strictly through a resting order's price means the whole queue at that price was consumed, so the order
    /// fills up to the trade's size. A trade exactly at the price reaches it only for the configured queue share,
    /// and only when the taker was on the other side.
    /// </summary>
    private void FillRestingAgainstTrade(Trade trade, List<MatchingEvent> events)
    {
        foreach (var side in (ReadOnlySpan<OrderSide>)[OrderSide.Buy, OrderSide.Sell])
        {
            var remaining = trade.Size;
            var atPriceBudget = Instrument.FloorQuantityToStep(trade.Size * _options.QueueShareAtPrice);
            var oppositeTaker = side == OrderSide.Buy ? TakerSide.Sell : TakerSide.Buy;
            foreach (var resting in RestingInPriority(side))
            {
                var order = _orders[resting.ClientOrderId];
                var limit = order.LimitPrice!.Value;
                var through = side == OrderSide.Buy ? trade.Price < limit : trade.Price > limit;
                var atPrice = trade.Price == limit && trade.TakerSide == oppositeTaker;
                if (!order.IsOpen || (!through && !atPrice))
                {
                    continue;
                }

                var quantity = Math.Min(order.LeavesQuantity, through ? remaining : Math.Min(remaining, atPriceBudget));
                if (quantity <= 0)
                {
                    continue;
                }

                var filled = FillUpTo(order, quantity, limit, LiquidityRole.Maker, trade.Time, events);
                remaining -= filled;
                if (!through)
                {
                    atPriceBudget -= filled;
                }
            }
        }
    }

    /// <summary>Executes up to <paramref name="quantity"/>, first capping a reduce-only order to the position left to reduce.</summary>
    private decimal FillUpTo(OrderState order, decimal quantity, decimal price, LiquidityRole role, DateTimeOffset time, List<MatchingEvent> events)
    {
        var side = order.Request.Side;
        if (order.Request.ReduceOnly)
        {
            quantity = Math.Min(quantity, Instrument.FloorQuantityToStep(Reducible(side)));
            if (quantity <= 0)
            {
                Record(order.Cancel(OrderCancelReason.ReduceOnlyPositionClosed, time), events);
                return 0;
            }
        }

        var fee = _options.Fees.FeeFor(quantity * price, role);
        var executionId = string.Create(CultureInfo.InvariantCulture, $"{Symbol}-X{++_executionCount}");
        var fill = new Fill(executionId, order.OrderId, Symbol, side, quantity, price, fee, role, time);
        Position += side.Sign() * quantity;
        events.Add(new OrderFilled(fill));
        Record(order.ApplyFill(quantity, price, fee, time), events);
        return quantity;
    }

    /// <summary>Bybit cancels reduce-only orders that can no longer reduce anything (CancelByReduceOnly).</summary>
    private void SettleAfterFills(DateTimeOffset time, List<MatchingEvent> events)
    {
        foreach (var id in _restingPriority.Keys.ToList())
        {
            var order = _orders[id];
            if (order.Request.ReduceOnly && Instrument.FloorQuantityToStep(Reducible(order.Request.Side)) <= 0)
            {
                Record(order.Cancel(OrderCancelReason.ReduceOnlyPositionClosed, time), events);
            }
        }
    }

    private List<OrderState> RestingInPriority(OrderSide side)
    {
        var orders = _restingPriority
            .Select(entry => (Order: _orders[entry.Key], Priority: entry.Value))
            .Where(entry => entry.Order.Request.Side == side);
        var byPrice = side == OrderSide.Buy
            ? orders.OrderByDescending(static entry => entry.Order.LimitPrice)
            : orders.OrderBy(static entry => entry.Order.LimitPrice);
        return byPrice.ThenBy(static entry => entry.Priority).Select(static entry => entry.Order).ToList();
    }

    private void Record(OrderState order, List<MatchingEvent> events)
    {
        _orders[order.ClientOrderId] = order;
        events.Add(new OrderUpdated(order));
        if (!order.IsOpen)
        {
            _pending.Remove(order.ClientOrderId);
            _untriggered.Remove(order.ClientOrderId);
            _restingPriority.Remove(order.ClientOrderId);
        }
    }

    private static OrderState Transition(OrderState order, OrderStatus status, DateTimeOffset time) =>
        order.TryTransitionTo(status, time, out var next)
            ? next
            : throw new InvalidOperationException($"Order {order.OrderId}: {order.Status} → {status} is not an allowed status transition.");

    /// <summary>How much an order on <paramref name="side"/> may trade without opening, increasing or flipping the position.</summary>
    private decimal Reducible(OrderSide side) => Math.Sign(Position) == -side.Sign() ? Math.Abs(Position) : 0;

    private decimal? ReferencePrice(TriggerSource source) => source switch
    {
        TriggerSource.MarkPrice => MarkPrice,
        TriggerSource.IndexPrice => IndexPrice ?? MarkPrice,
        _ => LastPrice,
    };

    private bool CrossesBook(OrderState order) => _book.BestOppositeOf(order.Request.Side) is { } best && LevelCrosses(order, best.Price);

    private bool LevelCrosses(OrderState order, decimal levelPrice) => order.LimitPrice switch
    {
        null => WithinPriceBand(order.Request.Side, levelPrice),
        { } limit => order.Request.Side == OrderSide.Buy ? levelPrice <= limit : levelPrice >= limit,
    };

    private bool WithinPriceBand(OrderSide side, decimal levelPrice) =>
        _options.MarketPriceBandFraction is not { } band || (MarkPrice ?? LastPrice) is not { } reference
        || (side == OrderSide.Buy ? levelPrice <= reference * (1 + band) : levelPrice >= reference * (1 - band));

    private decimal QuantityAvailableToTake(OrderState order) =>
        _book.OppositeOf(order.Request.Side).TakeWhile(level => LevelCrosses(order, level.Price)).Sum(static level => level.Quantity);

    /// <summary>Moves a market fill against the trader by the configured slippage, rounded to the tick away from the trader.</summary>
    private decimal Slipped(OrderSide side, decimal levelPrice)
    {
        if (_options.MarketSlippageBps == 0)
        {
            return levelPrice;
        }

        var shift = levelPrice * _options.MarketSlippageBps / BpsPerUnit;
        return side == OrderSide.Buy
            ? Instrument.CeilingPriceToTick(levelPrice + shift)
            : Math.Max(Instrument.FloorPriceToTick(levelPrice - shift), Instrument.TickSize);
    }
}
