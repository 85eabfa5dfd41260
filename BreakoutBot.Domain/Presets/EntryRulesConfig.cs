using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Confirmation rules for an entry (<c>signal_config.entry_rules</c>). Percent fields are percent: 0.5 = 0.5 %.</summary>
public sealed record EntryRulesConfig
{
    /// <summary><c>require_volume_confirmation</c>: a momentum breakout candle's volume must be <see cref="VolumeConfirmationMultiplier"/> times the mean of the 19 bars before it.</summary>
    public required bool RequireVolumeConfirmation { get; init; }

    /// <summary><c>volume_confirmation_multiplier</c>: breakout volume / average volume, multiple in [1, 20].</summary>
    public required decimal VolumeConfirmationMultiplier { get; init; }

    /// <summary>
    /// <c>require_density_confirmation</c>: a momentum breakout needs an order-book wall on the side it breaks, within 0.5 %
    /// of the level, in a book given with an earlier close within <c>density_config.lookback_window_s</c>, and
    /// <c>enter_on_density_eat_ratio</c> of it gone at the breakout's close. Not measurable without books (a backtest over
    /// klines says so).
    /// </summary>
    public required bool RequireDensityConfirmation { get; init; }

    /// <summary><c>density_confirmation_threshold</c>: what counts as a wall for the confirmation: bucket size / the baseline bucket size (<c>density_config</c>), multiple in [1, 50].</summary>
    public required decimal DensityConfirmationThreshold { get; init; }

    /// <summary><c>require_momentum</c>: a momentum breakout's close must have moved <see cref="MomentumMinSlopePct"/> percent in the trade's direction over <see cref="MomentumCheckBars"/> bars.</summary>
    public required bool RequireMomentum { get; init; }

    /// <summary><c>momentum_min_slope_pct</c>: price change over <see cref="MomentumCheckBars"/>, percent in [0, 100].</summary>
    public required decimal MomentumMinSlopePct { get; init; }

    /// <summary><c>momentum_check_bars</c>: candles over which momentum is measured, 1-100.</summary>
    public required int MomentumCheckBars { get; init; }

    /// <summary>
    /// <c>validate_approach</c>: before a momentum breakout, the closes of the last <see cref="ApproachMinConsolidationBars"/>
    /// bars stay within 0.5 % of the level and move at most <see cref="ApproachMaxSlopePct"/> percent per bar.
    /// </summary>
    public required bool ValidateApproach { get; init; }

    /// <summary><c>approach_max_slope_pct</c>: steepest approach, percent per candle in (0, 100].</summary>
    public required decimal ApproachMaxSlopePct { get; init; }

    /// <summary><c>approach_min_consolidation_bars</c>: candles of consolidation under the level before the breakout, 1-500.</summary>
    public required int ApproachMinConsolidationBars { get; init; }

    /// <summary><c>max_distance_from_level_bps</c>: farthest entry from the level, basis points in [0, 1000]. (The original checked it as a minimum.)</summary>
    public required decimal MaxDistanceFromLevelBps { get; init; }

    /// <summary><c>require_clean_breakout</c>: no close beyond the level (a breakout given back) in the <see cref="FalseStartLookbackBars"/> bars before a momentum breakout.</summary>
    public required bool RequireCleanBreakout { get; init; }

    /// <summary><c>false_start_lookback_bars</c>: candles searched for a failed breakout, 1-500.</summary>
    public required int FalseStartLookbackBars { get; init; }

    /// <summary><c>avoid_session_start_minutes</c>: no entries this many minutes after 00:00 UTC, 0-1440.</summary>
    public required int AvoidSessionStartMinutes { get; init; }

    /// <summary><c>avoid_session_end_minutes</c>: no entries this many minutes before 00:00 UTC, 0-1440.</summary>
    public required int AvoidSessionEndMinutes { get; init; }

    internal static EntryRulesConfig Read(PresetObjectReader json) => new()
    {
        RequireVolumeConfirmation = json.Bool("require_volume_confirmation"),
        VolumeConfirmationMultiplier = json.Decimal("volume_confirmation_multiplier", DecimalRange.Closed(1m, 20m), PresetUnits.VolumeMultiple),
        RequireDensityConfirmation = json.Bool("require_density_confirmation"),
        DensityConfirmationThreshold = json.Decimal("density_confirmation_threshold", DecimalRange.Closed(1m, 50m), PresetUnits.Ratio),
        RequireMomentum = json.Bool("require_momentum"),
        MomentumMinSlopePct = json.Decimal("momentum_min_slope_pct", DecimalRange.Closed(0m, 100m), PresetUnits.Percent),
        MomentumCheckBars = json.Int("momentum_check_bars", new IntRange(1, 100), PresetUnits.Bars),
        ValidateApproach = json.Bool("validate_approach"),
        ApproachMaxSlopePct = json.Decimal("approach_max_slope_pct", DecimalRange.AboveUpTo(0m, 100m), PresetUnits.PercentPerBar),
        ApproachMinConsolidationBars = json.Int("approach_min_consolidation_bars", new IntRange(1, 500), PresetUnits.Bars),
        MaxDistanceFromLevelBps = json.Decimal("max_distance_from_level_bps", DecimalRange.Closed(0m, 1000m), PresetUnits.Bps),
        RequireCleanBreakout = json.Bool("require_clean_breakout"),
        FalseStartLookbackBars = json.Int("false_start_lookback_bars", new IntRange(1, 500), PresetUnits.Bars),
        AvoidSessionStartMinutes = json.Int("avoid_session_start_minutes", new IntRange(0, 1440), PresetUnits.Minutes),
        AvoidSessionEndMinutes = json.Int("avoid_session_end_minutes", new IntRange(0, 1440), PresetUnits.Minutes),
    };
}
