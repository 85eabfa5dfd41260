namespace BreakoutBot.Domain.Matching;

/// <summary>
/// An order's life-cycle state: Bybit's <c>orderStatus</c> values plus <see cref="Submitted"/>, which Bybit never reports
/// because it covers the time an order is still travelling to the venue (the engine's configured latency).
/// </summary>
/// <remarks>Which changes are allowed is decided by <see cref="OrderStatusTransitions"/>, nowhere else.</remarks>
public enum OrderStatus
{
    /// <summary>Sent but not yet active at the venue.</summary>
    Submitted,

    /// <summary>A conditional order waiting for its trigger price.</summary>
    Untriggered,

    /// <summary>The trigger fired; Bybit passes through this state straight to <see cref="New"/>.</summary>
    Triggered,

    New,
    PartiallyFilled,
    Filled,

    /// <summary>Closed before being completely filled; on derivatives it may carry a partial fill.</summary>
    Cancelled,

    /// <summary>Refused by the venue after it arrived; never filled.</summary>
    Rejected,

    /// <summary>A conditional order cancelled before its trigger fired.</summary>
    Deactivated,
}
