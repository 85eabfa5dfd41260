namespace BreakoutBot.Domain.MarketData;

/// <summary>Resting liquidity inside a price band, per side: quantities in the base coin, notionals in the quote coin.</summary>
public readonly record struct BookDepth(decimal BidQuantity, decimal AskQuantity, decimal BidNotional, decimal AskNotional)
{
    public decimal TotalQuantity => BidQuantity + AskQuantity;

    public decimal TotalNotional => BidNotional + AskNotional;

    /// <summary>The thinner side's notional: what a breakout in the wrong direction can rely on.</summary>
    public decimal MinSideNotional => Math.Min(BidNotional, AskNotional);
}
