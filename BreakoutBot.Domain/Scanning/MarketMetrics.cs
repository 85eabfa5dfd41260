using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// What the scanner measured for one symbol. Every metric is null when its input was missing or too short: a null
/// is never replaced by a guess, and the filter on it fails with "no data".
/// </summary>
public sealed record MarketMetrics
{
    public required InstrumentSymbol Symbol { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Close of the last closed candle of the configured timeframe.</summary>
    public decimal? LastClose { get; init; }

    /// <summary>24 h turnover in USDT (ticker).</summary>
    public decimal? Turnover24hUsd { get; init; }

    /// <summary>Open interest value in USDT (ticker).</summary>
    public decimal? OpenInterestUsd { get; init; }

    /// <summary>
    /// Open interest (base coin) now versus <see cref="MarketMetricsOptions.OpenInterestChangeWindow"/> ago, as a
    /// signed fraction: 0.05 = +5 %.
    /// </summary>
    public double? OpenInterestChangeFraction { get; init; }

    /// <summary>(best ask − best bid) / mid in basis points.</summary>
    public decimal? SpreadBps { get; init; }

    /// <summary>Notional per side within 0.3 % of each side's best price (the presets' definition).</summary>
    public BookDepth? Depth0_3Pct { get; init; }

    /// <summary>Notional per side within 0.5 % of each side's best price.</summary>
    public BookDepth? Depth0_5Pct { get; init; }

    /// <summary>(bid − ask) / (bid + ask) notional over the top levels, in [−1, 1]; positive = more resting buyers.</summary>
    public decimal? BookImbalance { get; init; }

    /// <summary>Public trades (block trades excluded) in the trades window, per minute.</summary>
    public double? TradesPerMinute { get; init; }

    /// <summary>Wilder ATR of the configured timeframe divided by the last close, a fraction of price.</summary>
    public double? AtrToPrice { get; init; }

    /// <summary>Percentile rank (0-100) of the current Bollinger width among the last widths; low = a squeeze.</summary>
    public double? BollingerWidthPercentile { get; init; }

    /// <summary>Median 5 m volume of the last hour over the median of the hour before.</summary>
    public double? VolumeSurge1h { get; init; }

    /// <summary>Last 5 m volume over the median volume of the bars before it.</summary>
    public double? VolumeSurge5m { get; init; }

    /// <summary>Pearson correlation of the log returns of this symbol and BTC, in [−1, 1].</summary>
    public double? BtcCorrelation { get; init; }

    /// <summary>Price change over the last <see cref="MarketMetricsOptions.MomentumBars"/> candles, a fraction: 0.02 = +2 %.</summary>
    public double? MomentumFraction { get; init; }
}
