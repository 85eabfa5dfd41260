namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Windows and periods of the per-symbol market metrics. The defaults follow the presets' field definitions
/// (Bollinger(20, 2), 5 m surge against the median of 20 bars, 1 h surge from twelve 5 m bars, depth at 0.3 % and 0.5 %).
/// </summary>
public sealed record MarketMetricsOptions
{
    public static MarketMetricsOptions Default { get; } = new();

    /// <summary>ATR period on the configured timeframe, bars.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Bollinger period on the configured timeframe, bars.</summary>
    public int BollingerPeriod { get; init; } = 20;

    /// <summary>Bollinger band distance from the middle, standard deviations.</summary>
    public double BollingerStandardDeviations { get; init; } = 2;

    /// <summary>
    /// How many Bollinger widths (the current one included) the current width is ranked among. The percentile is
    /// null until this many widths exist: a rank among a handful of values would call almost anything a squeeze.
    /// </summary>
    public int BollingerWidthLookback { get; init; } = 100;

    /// <summary>Previous 5 m bars whose median volume the last 5 m bar is compared with.</summary>
    public int VolumeSurge5mWindow { get; init; } = 20;

    /// <summary>Window over which public trades are counted for trades per minute.</summary>
    public TimeSpan TradesWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Look-back of the open-interest change (the presets' <c>oi_delta_threshold</c> is a 24 h change).</summary>
    public TimeSpan OpenInterestChangeWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Most paired log returns used for the BTC correlation (the latest ones).</summary>
    public int CorrelationWindow { get; init; } = 50;

    /// <summary>Fewest paired log returns for a BTC correlation; fewer gives null rather than a noisy number.</summary>
    public int CorrelationMinReturns { get; init; } = 20;

    /// <summary>Oldest order book still measured; an older one (a stalled stream) gives null book metrics.</summary>
    public TimeSpan MaxOrderBookAge { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Order-book levels per side in the notional imbalance.</summary>
    public int ImbalanceLevels { get; init; } = 10;

    /// <summary>Bars of the configured timeframe in the momentum (price change) measure.</summary>
    public int MomentumBars { get; init; } = 5;
}
