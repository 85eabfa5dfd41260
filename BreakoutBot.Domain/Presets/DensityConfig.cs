using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Order-book density detection (<c>density_config</c>): a bucket of resting size this many times the median is a density.</summary>
public sealed record DensityConfig
{
    /// <summary><c>k_density</c>: bucket size / median bucket size that counts as a density for smart take-profit placement (the signal's confirmation uses <c>entry_rules.density_confirmation_threshold</c>), ratio in (0, 100].</summary>
    public required decimal KDensity { get; init; }

    /// <summary><c>bucket_ticks</c>: width of one order-book bucket in price ticks, 1-1000.</summary>
    public required int BucketTicks { get; init; }

    /// <summary><c>lookback_window_s</c>: the signal engine's baseline is the median bucket size of the books seen in this window, and walls seen in it count for the confirmation; seconds in [10, 86400].</summary>
    public required int LookbackWindowS { get; init; }

    internal static DensityConfig Read(PresetObjectReader json) => new()
    {
        KDensity = json.Decimal("k_density", DecimalRange.AboveUpTo(0m, 100m), PresetUnits.Ratio),
        BucketTicks = json.Int("bucket_ticks", new IntRange(1, 1000), PresetUnits.Ticks),
        LookbackWindowS = json.Int("lookback_window_s", new IntRange(10, 86_400), PresetUnits.Seconds),
    };
}
