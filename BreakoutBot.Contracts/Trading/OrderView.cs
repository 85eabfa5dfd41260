using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Trading;

/// <summary>An order of ours as the venue last reported it.</summary>
public sealed record OrderView(
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
    bool ReduceOnly,
    string Status,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
