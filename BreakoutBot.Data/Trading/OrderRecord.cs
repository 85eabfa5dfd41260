using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Data.Trading;

/// <summary>An order of ours, as last reported by the venue.</summary>
public sealed class OrderRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    /// <summary>Our client order id (Bybit orderLinkId), chosen before sending: the idempotency key with the venue.</summary>
    public required string OrderId { get; set; }

    public string? VenueOrderId { get; set; }

    public string? PositionId { get; set; }

    public string? SignalId { get; set; }

    public required string Symbol { get; set; }

    public OrderSide Side { get; set; }

    public OrderPurpose Purpose { get; set; }

    public OrderStyle OrderType { get; set; }

    public decimal? Price { get; set; }

    public decimal? TriggerPrice { get; set; }

    public decimal Quantity { get; set; }

    public decimal FilledQuantity { get; set; }

    public decimal? AveragePrice { get; set; }

    public bool ReduceOnly { get; set; }

    public OrderRecordStatus Status { get; set; }

    public string? RejectReason { get; set; }

    /// <summary>When we first asked the venue to cancel it; an unanswered order with a cancel asked is never sent again.</summary>
    public DateTimeOffset? CancelRequestedAt { get; set; }

    /// <summary>When the executor recorded it (its own clock: it times lost answers and entry windows with it).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the executor last booked a change (its own clock).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the venue created the order, on the venue's clock (the one its fills, positions and candles carry; the
    /// simulator's runs ahead at its speed); null while the venue has not shown the order, and for one it never took.
    /// </summary>
    public DateTimeOffset? PlacedAt { get; set; }
}
