namespace BreakoutBot.Domain.Positions;

/// <summary>One rung of the take-profit ladder: its price (on the tick) and quantity (on the lot step, of the original quantity).</summary>
public sealed record TakeProfitTarget(string Name, decimal RewardMultiple, decimal Price, decimal Quantity, bool IsFilled = false);
