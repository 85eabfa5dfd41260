using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// The raw measure behind each <see cref="ScoreComponent"/>, before it is turned into a z-score across the universe.
/// Null when the metrics it needs are missing.
/// </summary>
public static class ScoreComponentMeasures
{
    /// <summary>Weight of the 1 h surge in the volume-surge blend; the 5 m surge gets the rest.</summary>
    public const double VolumeSurge1hShare = 0.6;

    public static double? RawValue(ScoreComponent component, MarketMetrics metrics, VolatilityFilters volatility)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(volatility);
        return component switch
        {
            ScoreComponent.VolSurge => metrics is { VolumeSurge1h: { } hour, VolumeSurge5m: { } bar }
                ? (VolumeSurge1hShare * hour) + ((1 - VolumeSurge1hShare) * bar)
                : null,
            ScoreComponent.OiDelta => metrics.OpenInterestChangeFraction is { } change ? Math.Abs(change) : null,
            ScoreComponent.AtrQuality => metrics.AtrToPrice is { } atr
                ? AtrQuality(atr, (double)volatility.AtrRangeMin, (double)volatility.AtrRangeMax)
                : null,
            ScoreComponent.Correlation => metrics.BtcCorrelation is { } correlation ? CorrelationPreference(correlation) : null,
            // ln(1 + x) keeps zero trades defined and stops a few hyperactive symbols from flattening everyone else.
            ScoreComponent.TradesPerMinute => metrics.TradesPerMinute is { } tpm ? Math.Log(1 + tpm) : null,
            ScoreComponent.GainersMomentum => metrics.MomentumFraction,
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown score component."),
        };
    }

    /// <summary>
    /// How well ATR/price sits inside the preset's accepted range: 1 in the middle, 0 at either edge, falling linearly
    /// outside and floored at −1 (one half-range beyond an edge), so one wild symbol cannot stretch the universe's spread.
    /// </summary>
    public static double AtrQuality(double atrToPrice, double rangeMin, double rangeMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rangeMax, rangeMin);
        var middle = (rangeMin + rangeMax) / 2;
        var halfWidth = (rangeMax - rangeMin) / 2;
        return Math.Max(-1, 1 - (Math.Abs(atrToPrice - middle) / halfWidth));
    }

    /// <summary>
    /// Preference for a moderate BTC correlation (the original scorer's curve, now fed a real correlation): with
    /// a = |c|, 1 for a in [0.3, 0.7], falling to 0.5 at a = 0 (an unrelated mover may be noise) and to −0.5 at a = 1
    /// (a BTC proxy adds no breakout of its own).
    /// </summary>
    public static double CorrelationPreference(double correlation)
    {
        var a = Math.Abs(correlation);
        return a switch
        {
            <= 0.3 => 1 - (a / 0.3 * 0.5),
            <= 0.7 => 1,
            _ => 1 - ((a - 0.7) / 0.3 * 1.5),
        };
    }
}
