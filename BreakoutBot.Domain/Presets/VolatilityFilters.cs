using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Scanner filters on volatility and activity (<c>volatility_filters</c>).</summary>
public sealed record VolatilityFilters
{
    /// <summary><c>atr_range_min</c>: lowest ATR / price accepted, fraction of price in (0, 1].</summary>
    public required decimal AtrRangeMin { get; init; }

    /// <summary><c>atr_range_max</c>: highest ATR / price accepted, fraction of price in (0, 1], above <see cref="AtrRangeMin"/>.</summary>
    public required decimal AtrRangeMax { get; init; }

    /// <summary>
    /// <c>bb_width_percentile_max</c>: the current Bollinger(20, 2) width must rank at or below this percentile of its
    /// own history (a squeeze), 1-100. The original compared a width in percent of price against it; the
    /// <c>video_*</c> presets wrote fractions (0.8) instead of percentiles (80).
    /// </summary>
    public required decimal BbWidthPercentileMax { get; init; }

    /// <summary><c>volume_surge_1h_min</c>: median volume of the last hour / median of the hour before, ratio &gt; 0.</summary>
    public required decimal VolumeSurge1hMin { get; init; }

    /// <summary><c>volume_surge_5m_min</c>: last candle's volume / median of the 20 before, ratio &gt; 0.</summary>
    public required decimal VolumeSurge5mMin { get; init; }

    /// <summary><c>oi_delta_threshold</c>: absolute 24 h open-interest change, fraction in (0, 1]; null = no filter.</summary>
    public decimal? OiDeltaThreshold { get; init; }

    internal static VolatilityFilters Read(PresetObjectReader json)
    {
        var filters = new VolatilityFilters
        {
            AtrRangeMin = json.Decimal("atr_range_min", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfPrice),
            AtrRangeMax = json.Decimal("atr_range_max", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfPrice),
            BbWidthPercentileMax = json.Decimal("bb_width_percentile_max", DecimalRange.Closed(1m, 100m), PresetUnits.Percentile),
            VolumeSurge1hMin = json.Decimal("volume_surge_1h_min", DecimalRange.AboveUpTo(0m, 100m), PresetUnits.Ratio),
            VolumeSurge5mMin = json.Decimal("volume_surge_5m_min", DecimalRange.AboveUpTo(0m, 100m), PresetUnits.Ratio),
            OiDeltaThreshold = json.OptionalDecimal("oi_delta_threshold", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.Fraction),
        };

        if (json.AreValid("atr_range_min", "atr_range_max") && filters.AtrRangeMax <= filters.AtrRangeMin)
        {
            json.AddError("atr_range_max", string.Create(
                CultureInfo.InvariantCulture,
                $"must be greater than atr_range_min ({filters.AtrRangeMin}); got {filters.AtrRangeMax}"));
        }

        return filters;
    }
}
