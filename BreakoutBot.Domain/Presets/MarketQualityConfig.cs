using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Market conditions that block trading a symbol (<c>signal_config.market_quality</c>). Percent fields are percent: 0.5 = 0.5 %.</summary>
public sealed record MarketQualityConfig
{
    /// <summary><c>flat_market_filter_enabled</c>: no signal while the mean true range of the last <see cref="FlatMarketLookbackBars"/> bars is below <see cref="FlatMarketAtrThreshold"/> percent of the close.</summary>
    public required bool FlatMarketFilterEnabled { get; init; }

    /// <summary><c>flat_market_atr_threshold</c>: ATR as percent of price below which a market is flat, [0, 100].</summary>
    public required decimal FlatMarketAtrThreshold { get; init; }

    /// <summary><c>flat_market_lookback_bars</c>: candles, 1-500.</summary>
    public required int FlatMarketLookbackBars { get; init; }

    /// <summary>
    /// <c>consolidation_filter_enabled</c>: require a consolidation (range within
    /// <see cref="ConsolidationRangeThresholdPct"/> for at least <see cref="ConsolidationMinBars"/>) before a breakout.
    /// (The original's unwired filter rejected consolidating markets, the opposite of what a breakout needs.)
    /// </summary>
    public required bool ConsolidationFilterEnabled { get; init; }

    /// <summary><c>consolidation_range_threshold_pct</c>: (high − low) / price of the consolidation, percent in (0, 100].</summary>
    public required decimal ConsolidationRangeThresholdPct { get; init; }

    /// <summary><c>consolidation_min_bars</c>: candles, 1-500.</summary>
    public required int ConsolidationMinBars { get; init; }

    /// <summary><c>require_stable_volatility</c>: no signal while ATR(14) is <see cref="VolatilitySpikeThreshold"/> times its mean over the <see cref="VolatilityLookbackBars"/> bars before, or more.</summary>
    public required bool RequireStableVolatility { get; init; }

    /// <summary><c>volatility_spike_threshold</c>: current ATR / average ATR that counts as a spike, multiple in [1, 100].</summary>
    public required decimal VolatilitySpikeThreshold { get; init; }

    /// <summary><c>volatility_lookback_bars</c>: candles, 1-500.</summary>
    public required int VolatilityLookbackBars { get; init; }

    /// <summary><c>require_clear_trend</c>: signal only when the close moved at least <see cref="TrendSlopeMinPct"/> percent in the trade's direction over <see cref="TrendLookbackBars"/> bars (both strategies).</summary>
    public required bool RequireClearTrend { get; init; }

    /// <summary><c>trend_slope_min_pct</c>: price change over <see cref="TrendLookbackBars"/>, percent in [0, 100].</summary>
    public required decimal TrendSlopeMinPct { get; init; }

    /// <summary><c>trend_lookback_bars</c>: candles, 1-500.</summary>
    public required int TrendLookbackBars { get; init; }

    /// <summary><c>noise_filter_enabled</c>: no signal while the candles of the last <see cref="FlatMarketLookbackBars"/> bars are on average more than <see cref="NoiseThreshold"/> wick.</summary>
    public required bool NoiseFilterEnabled { get; init; }

    /// <summary><c>noise_threshold</c>: largest mean share of a candle's range that is wick (1 − |close − open| / (high − low)), fraction in [0, 1].</summary>
    public required decimal NoiseThreshold { get; init; }

    internal static MarketQualityConfig Read(PresetObjectReader json) => new()
    {
        FlatMarketFilterEnabled = json.Bool("flat_market_filter_enabled"),
        FlatMarketAtrThreshold = json.Decimal("flat_market_atr_threshold", DecimalRange.Closed(0m, 100m), PresetUnits.Percent),
        FlatMarketLookbackBars = json.Int("flat_market_lookback_bars", new IntRange(1, 500), PresetUnits.Bars),
        ConsolidationFilterEnabled = json.Bool("consolidation_filter_enabled"),
        ConsolidationRangeThresholdPct = json.Decimal("consolidation_range_threshold_pct", DecimalRange.AboveUpTo(0m, 100m), PresetUnits.Percent),
        ConsolidationMinBars = json.Int("consolidation_min_bars", new IntRange(1, 500), PresetUnits.Bars),
        RequireStableVolatility = json.Bool("require_stable_volatility"),
        VolatilitySpikeThreshold = json.Decimal("volatility_spike_threshold", DecimalRange.Closed(1m, 100m), PresetUnits.VolatilityMultiple),
        VolatilityLookbackBars = json.Int("volatility_lookback_bars", new IntRange(1, 500), PresetUnits.Bars),
        RequireClearTrend = json.Bool("require_clear_trend"),
        TrendSlopeMinPct = json.Decimal("trend_slope_min_pct", DecimalRange.Closed(0m, 100m), PresetUnits.Percent),
        TrendLookbackBars = json.Int("trend_lookback_bars", new IntRange(1, 500), PresetUnits.Bars),
        NoiseFilterEnabled = json.Bool("noise_filter_enabled"),
        NoiseThreshold = json.Decimal("noise_threshold", DecimalRange.Closed(0m, 1m), PresetUnits.Fraction),
    };
}
