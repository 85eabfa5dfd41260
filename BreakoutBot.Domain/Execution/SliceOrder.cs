namespace BreakoutBot.Domain.Execution;

/// <summary>What one entry slice is sent as: a market order, or a post-only limit at <see cref="LimitPrice"/>.</summary>
public readonly record struct SliceOrder(bool IsPassive, decimal? LimitPrice, string Reason)
{
    public static SliceOrder Market(string reason) => new(false, null, reason);

    public static SliceOrder Passive(decimal price, string reason) => new(true, price, reason);
}
