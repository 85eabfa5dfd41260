namespace BreakoutBot.Domain.Matching;

/// <summary>An order's new state (Bybit <c>order</c> topic).</summary>
public sealed record OrderUpdated(OrderState Order) : MatchingEvent(Order?.UpdatedAt ?? throw new ArgumentNullException(nameof(Order)));
