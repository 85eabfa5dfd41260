using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// An order as the venue reports it (<c>/v5/order/realtime</c>, <c>/v5/order/history</c>); <see cref="Status"/> is
/// Bybit's orderStatus (New, PartiallyFilled, Untriggered, Filled, Cancelled, Rejected, Triggered, Deactivated).
/// </summary>
public sealed record VenueOrder(string OrderId, string OrderLinkId, string Status, decimal Quantity, decimal FilledQuantity, decimal? AveragePrice, decimal Fee)
{
    public InstrumentSymbol? Symbol { get; init; }

    public OrderSide? Side { get; init; }

    /// <summary>Bybit's orderType: Market or Limit.</summary>
    public string OrderType { get; init; } = "";

    public decimal? LimitPrice { get; init; }

    public decimal? TriggerPrice { get; init; }

    /// <summary>1 = fires when the price rises to the trigger, 2 = when it falls to it, 0 = not conditional.</summary>
    public int TriggerDirection { get; init; }

    public bool ReduceOnly { get; init; }

    /// <summary>Bybit's stopOrderType: "" for plain orders, Stop, TakeProfit, StopLoss, ...</summary>
    public string StopOrderType { get; init; } = "";

    /// <summary>Bybit's createType: CreateByUser, CreateByStopOrder, CreateByTakeProfit, CreateByStopLoss, ...</summary>
    public string CreateType { get; init; } = "";

    /// <summary>Bybit's rejectReason or cancelType text; "" when none.</summary>
    public string Reason { get; init; } = "";

    public DateTimeOffset? CreatedTime { get; init; }

    public DateTimeOffset? UpdatedTime { get; init; }

    public bool IsOpen => Status is "New" or "PartiallyFilled" or "Untriggered";
}
