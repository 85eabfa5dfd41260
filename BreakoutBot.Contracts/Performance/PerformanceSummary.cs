namespace BreakoutBot.Contracts.Performance;

/// <summary>Trade and equity statistics over a time range (null where there is too little data to say).</summary>
/// <param name="WinRate">Wins / trades, 0-1.</param>
/// <param name="MaxDrawdownFraction">Largest fall of equity from its running peak, 0-1, from the equity snapshots.</param>
public sealed record PerformanceSummary(
    DateTimeOffset? From,
    DateTimeOffset? To,
    int TradeCount,
    int WinCount,
    int LossCount,
    decimal? WinRate,
    decimal NetPnl,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal? ExpectancyUsd,
    decimal? AverageR,
    decimal TotalR,
    decimal? ProfitFactor,
    int LongestLosingStreak,
    decimal? MaxDrawdownR,
    decimal? MaxDrawdownUsd,
    decimal? MaxDrawdownFraction,
    double? SharpeRatio,
    double? SortinoRatio,
    decimal TotalFees);
