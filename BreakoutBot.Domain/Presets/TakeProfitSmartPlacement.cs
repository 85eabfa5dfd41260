using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>How the optimiser may move <c>smart</c>/<c>adaptive</c> take-profit levels (<c>position_config.tp_smart_placement</c>).</summary>
public sealed record TakeProfitSmartPlacement
{
    /// <summary><c>enabled</c>: must be true when any level uses <c>smart</c> or <c>adaptive</c> placement.</summary>
    public required bool Enabled { get; init; }

    /// <summary><c>avoid_density_zones</c>: move a level that falls inside an order-book density to the zone's near edge.</summary>
    public required bool AvoidDensityZones { get; init; }

    /// <summary><c>density_zone_buffer_bps</c>: gap kept in front of a density zone, basis points in [0, 500].</summary>
    public required decimal DensityZoneBufferBps { get; init; }

    /// <summary><c>avoid_sr_levels</c>: move a level that sits just beyond a support/resistance level in front of it.</summary>
    public required bool AvoidSrLevels { get; init; }

    /// <summary><c>sr_level_buffer_bps</c>: gap kept in front of an S/R level, basis points in [0, 500].</summary>
    public required decimal SrLevelBufferBps { get; init; }

    /// <summary><c>prefer_round_numbers</c>: prefer a nearby multiple of <see cref="RoundNumberStep"/>.</summary>
    public required bool PreferRoundNumbers { get; init; }

    /// <summary><c>round_number_step</c>: price step counted as round, in USDT, &gt; 0.</summary>
    public required decimal RoundNumberStep { get; init; }

    /// <summary><c>max_adjustment_bps</c>: largest move away from the fixed price, basis points in [0, 500].</summary>
    public required decimal MaxAdjustmentBps { get; init; }

    internal static TakeProfitSmartPlacement Read(PresetObjectReader json) => new()
    {
        Enabled = json.Bool("enabled"),
        AvoidDensityZones = json.Bool("avoid_density_zones"),
        DensityZoneBufferBps = json.Decimal("density_zone_buffer_bps", DecimalRange.Closed(0m, 500m), PresetUnits.Bps),
        AvoidSrLevels = json.Bool("avoid_sr_levels"),
        SrLevelBufferBps = json.Decimal("sr_level_buffer_bps", DecimalRange.Closed(0m, 500m), PresetUnits.Bps),
        PreferRoundNumbers = json.Bool("prefer_round_numbers"),
        RoundNumberStep = json.Decimal("round_number_step", DecimalRange.Positive, PresetUnits.Price),
        MaxAdjustmentBps = json.Decimal("max_adjustment_bps", DecimalRange.Closed(0m, 500m), PresetUnits.Bps),
    };
}
