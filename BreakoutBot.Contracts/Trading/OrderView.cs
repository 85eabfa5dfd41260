using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Trading;

/// <summary>
/// An order of ours as the venue last reported it. <c>placedAt</c> is on the venue's clock, like fills, positions and
/// candles (null for an order the venue never showed: refused, or its outcome still unknown); <c>createdAt</c> and
/// <c>updatedAt</c> are the executor's bookkeeping times on its own clock.
/// </summary>
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
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PlacedAt);
