namespace BreakoutBot.Domain.Matching;

/// <summary>How realistic (and how pessimistic) the matching engine is.</summary>
public sealed record MatchingOptions
{
    public FeeRates Fees { get; init; } = FeeRates.BybitBaseTier;

    /// <summary>Time between a submit and the order being live at the venue. Cancels and amends take effect at once.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Extra adverse price on every market-order fill, in basis points of the level price (buys pay more, sells get
    /// less), rounded to the tick away from the trader. Models the book moving between snapshot and fill.
    /// </summary>
    public decimal MarketSlippageBps { get; init; }

    /// <summary>
    /// Share (0..1) of public volume traded exactly at a resting order's price that reaches it. Orders ahead of us in
    /// the queue take the rest; 0 means only trades through the price fill a resting order (the cautious default).
    /// </summary>
    public decimal QueueShareAtPrice { get; init; }

    /// <summary>
    /// Bybit's price protection for market orders: a market order trades only at levels within this fraction of the mark
    /// price (the last price until a mark is known) — buys at most mark × (1 + band), sells at least mark × (1 − band) —
    /// and the rest is cancelled. Null turns the band off.
    /// </summary>
    public decimal? MarketPriceBandFraction { get; init; }

    /// <summary>How many recent public trade ids to remember so a trade delivered twice fills nothing the second time.</summary>
    public int RememberedTradeIds { get; init; } = 10_000;

    public static MatchingOptions Default { get; } = new();
}
