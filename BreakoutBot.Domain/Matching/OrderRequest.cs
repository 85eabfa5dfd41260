using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// What the caller asks the venue for (<c>POST /v5/order/create</c>). Quantities are in the base coin, prices in the
/// quote coin. <see cref="LimitPrice"/> is required for limit orders and must be null for market orders.
/// A non-null <see cref="Trigger"/> makes it a conditional (stop) order that waits <see cref="OrderStatus.Untriggered"/>.
/// </summary>
public sealed record OrderRequest(
    ClientOrderId ClientOrderId,
    InstrumentSymbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice = null,
    TimeInForce TimeInForce = TimeInForce.GoodTillCancel,
    bool ReduceOnly = false,
    OrderTrigger? Trigger = null)
{
    public static OrderRequest Market(ClientOrderId id, InstrumentSymbol symbol, OrderSide side, decimal quantity, bool reduceOnly = false) =>
        new(id, symbol, side, OrderType.Market, quantity, ReduceOnly: reduceOnly, TimeInForce: TimeInForce.ImmediateOrCancel);

    public static OrderRequest Limit(
        ClientOrderId id,
        InstrumentSymbol symbol,
        OrderSide side,
        decimal quantity,
        decimal price,
        TimeInForce timeInForce = TimeInForce.GoodTillCancel,
        bool reduceOnly = false) =>
        new(id, symbol, side, OrderType.Limit, quantity, price, timeInForce, reduceOnly);
}
