using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// One order as the venue sees it at a moment. Immutable: every change returns a new state, and every status change is
/// checked against <see cref="OrderStatusTransitions"/>, so an illegal step (a fill after a cancel, a second life after
/// Filled) is refused rather than recorded.
/// </summary>
/// <remarks>Setters are private, so <c>with</c> cannot skip the transition table.</remarks>
public sealed record OrderState
{
    private OrderState(string orderId, OrderRequest request, DateTimeOffset submittedAt, DateTimeOffset activeAt)
    {
        OrderId = orderId;
        Request = request;
        Quantity = request.Quantity;
        LimitPrice = request.LimitPrice;
        Trigger = request.Trigger;
        SubmittedAt = submittedAt;
        ActiveAt = activeAt;
        UpdatedAt = submittedAt;
    }

    /// <summary>The venue's id (Bybit <c>orderId</c>).</summary>
    public string OrderId { get; }

    /// <summary>The request as first submitted; the current terms are <see cref="Quantity"/>, <see cref="LimitPrice"/> and <see cref="Trigger"/>.</summary>
    public OrderRequest Request { get; }

    public ClientOrderId ClientOrderId => Request.ClientOrderId;

    public OrderStatus Status { get; private init; } = OrderStatus.Submitted;

    /// <summary>Ordered quantity now, after amends and reduce-only capping; never below <see cref="FilledQuantity"/>.</summary>
    public decimal Quantity { get; private init; }

    public decimal? LimitPrice { get; private init; }

    public OrderTrigger? Trigger { get; private init; }

    public decimal FilledQuantity { get; private init; }

    /// <summary>Volume-weighted price of all fills; zero while nothing has filled.</summary>
    public decimal AverageFillPrice { get; private init; }

    /// <summary>Sum of fill fees in USDT; negative when maker rebates outweigh fees.</summary>
    public decimal CumulativeFee { get; private init; }

    public decimal LeavesQuantity => Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Deactivated
        ? 0
        : Quantity - FilledQuantity;

    public DateTimeOffset SubmittedAt { get; }

    /// <summary>When the order reaches the venue: submit time plus the engine's latency.</summary>
    public DateTimeOffset ActiveAt { get; }

    public DateTimeOffset UpdatedAt { get; private init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="OrderStatus.Rejected"/>.</summary>
    public OrderRejectReason? RejectReason { get; private init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="OrderStatus.Cancelled"/> or <see cref="OrderStatus.Deactivated"/>.</summary>
    public OrderCancelReason? CancelReason { get; private init; }

    public bool IsOpen => OrderStatusTransitions.IsOpen(Status);

    public static OrderState Submit(string orderId, OrderRequest request, DateTimeOffset submittedAt, DateTimeOffset activeAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Quantity);
        ArgumentOutOfRangeException.ThrowIfLessThan(activeAt, submittedAt);
        return new OrderState(orderId, request, submittedAt, activeAt);
    }

    /// <summary>A plain status change (activation, trigger). Returns false, and no state, when the table forbids it.</summary>
    public bool TryTransitionTo(OrderStatus status, DateTimeOffset time, [NotNullWhen(true)] out OrderState? next)
    {
        if (!OrderStatusTransitions.IsAllowed(Status, status) || status is OrderStatus.PartiallyFilled or OrderStatus.Filled)
        {
            // Fill statuses are reached only through ApplyFill, which also moves the quantities.
            next = null;
            return false;
        }

        next = this with { Status = status, UpdatedAt = time };
        return true;
    }

    public OrderState Reject(OrderRejectReason reason, DateTimeOffset time) =>
        Require(OrderStatus.Rejected, time) with { RejectReason = reason };

    /// <summary>Cancels the unfilled rest; an untriggered order becomes <see cref="OrderStatus.Deactivated"/>, as on Bybit.</summary>
    public OrderState Cancel(OrderCancelReason reason, DateTimeOffset time) =>
        Require(Status == OrderStatus.Untriggered ? OrderStatus.Deactivated : OrderStatus.Cancelled, time) with { CancelReason = reason };

    /// <summary>Records one execution. Refuses a fill on a closed order, a non-positive quantity or an overfill.</summary>
    /// <exception cref="InvalidOperationException">The fill is illegal in the current state.</exception>
    public OrderState ApplyFill(decimal quantity, decimal price, decimal fee, DateTimeOffset time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var filled = FilledQuantity + quantity;
        if (filled > Quantity)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"Order {OrderId}: a fill of {quantity} would exceed the ordered {Quantity} (filled {FilledQuantity})."));
        }

        var status = filled == Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        return Require(status, time) with
        {
            FilledQuantity = filled,
            AverageFillPrice = ((AverageFillPrice * FilledQuantity) + (price * quantity)) / filled,
            CumulativeFee = CumulativeFee + fee,
        };
    }

    /// <summary>New terms for an open order (amend, or reduce-only capping); the quantity may not drop below what has filled.</summary>
    public OrderState Amend(decimal quantity, decimal? limitPrice, OrderTrigger? trigger, DateTimeOffset time)
    {
        if (OrderStatusTransitions.IsTerminal(Status))
        {
            throw new InvalidOperationException($"Order {OrderId} is {Status} and cannot be amended.");
        }

        if (quantity <= FilledQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "An amended quantity must exceed the filled quantity.");
        }

        return this with { Quantity = quantity, LimitPrice = limitPrice, Trigger = trigger, UpdatedAt = time };
    }

    private OrderState Require(OrderStatus status, DateTimeOffset time) =>
        OrderStatusTransitions.IsAllowed(Status, status)
            ? this with { Status = status, UpdatedAt = time }
            : throw new InvalidOperationException($"Order {OrderId}: {Status} → {status} is not an allowed status transition.");
}
