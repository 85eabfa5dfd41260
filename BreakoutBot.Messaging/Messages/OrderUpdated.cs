using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Messaging.Messages;

/// <summary>An order of ours changed status on the venue.</summary>
/// <param name="OrderId">Our client order id (the venue's orderLinkId).</param>
/// <param name="Purpose">Entry, StopLoss, TakeProfit or Exit.</param>
public sealed record OrderUpdated(
    string EventId,
    string OrderId,
    string? VenueOrderId,
    string? PositionId,
    string? SignalId,
    string Symbol,
    OrderSide Side,
    string Purpose,
    string OrderType,
    decimal? Price,
    decimal? TriggerPrice,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? AveragePrice,
    string Status,
    string? RejectReason,
    DateTimeOffset At) : IMessage
{
    public string MessageId => EventId;
}
