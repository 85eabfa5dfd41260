namespace BreakoutBot.Domain.Matching;

/// <summary>
/// The explicit order status transition table. Every status change in the engine goes through
/// <see cref="IsAllowed"/>, so a fill on a cancelled order or a resurrected filled order is refused instead of silently
/// corrupting the ledger (the original bot counted orders that never filled as filled).
/// </summary>
public static class OrderStatusTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Submitted] = [OrderStatus.New, OrderStatus.Untriggered, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Untriggered] = [OrderStatus.Triggered, OrderStatus.Deactivated, OrderStatus.Rejected],
        [OrderStatus.Triggered] = [OrderStatus.New, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.New] = [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled],

        // PartiallyFilled → PartiallyFilled is each further partial fill.
        [OrderStatus.PartiallyFilled] = [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled],
        [OrderStatus.Filled] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Rejected] = [],
        [OrderStatus.Deactivated] = [],
    };

    public static bool IsAllowed(OrderStatus from, OrderStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>No further change is possible: the order is closed.</summary>
    public static bool IsTerminal(OrderStatus status) => Allowed.TryGetValue(status, out var targets) && targets.Length == 0;

    /// <summary>The order can still be cancelled or amended by its owner.</summary>
    public static bool IsOpen(OrderStatus status) =>
        status is OrderStatus.Submitted or OrderStatus.Untriggered or OrderStatus.New or OrderStatus.PartiallyFilled;
}
