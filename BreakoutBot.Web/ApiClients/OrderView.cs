namespace BreakoutBot.Web.ApiClients;

/// <summary>One of our orders as the venue last reported it.</summary>
public sealed record OrderView(
    string OrderId,
    string? VenueOrderId,
    string? PositionId,
    string? SignalId,
    string Symbol,
    string Side,
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
