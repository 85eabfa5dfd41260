namespace BreakoutBot.Web.ApiClients;

/// <summary>One rung of a position's take-profit ladder.</summary>
public sealed record TakeProfitTarget(string Name, decimal RewardMultiple, decimal Price, decimal Quantity, bool IsFilled);
