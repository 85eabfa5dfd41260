using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// An <c>order</c> push: the order's full state after a change. <see cref="Status"/> uses the domain's names
/// (Bybit's <c>Created</c> is <see cref="OrderStatus.Submitted"/>). <see cref="UpdatedAt"/> is the venue's time.
/// </summary>
public sealed record OrderUpdate(
    DateTimeOffset ReceivedAt,
    string OrderId,
    string OrderLinkId,
    InstrumentSymbol Symbol,
    OrderSide Side,
    OrderType Type,
    OrderStatus Status,
    decimal Quantity,
    decimal? Price,
    decimal FilledQuantity,
    decimal? AveragePrice,
    decimal LeavesQuantity,
    decimal CumulativeFee,
    bool ReduceOnly,
    string RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : PrivateStreamEvent(ReceivedAt);
