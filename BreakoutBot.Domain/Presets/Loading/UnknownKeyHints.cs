namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>
/// What to tell someone who uses a key from the original Python presets that this schema dropped or moved,
/// so that porting an old file is a matter of following the messages.
/// </summary>
internal static class UnknownKeyHints
{
    private const string LegacyTakeProfit =
        "the legacy two-level take-profit was replaced by position_config.tp_levels (1 to 6 levels, sizes as fractions of the original quantity)";

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["tp1_r"] = LegacyTakeProfit,
        ["tp1_size_pct"] = LegacyTakeProfit,
        ["tp2_r"] = LegacyTakeProfit,
        ["tp2_size_pct"] = LegacyTakeProfit,
        ["sl_r"] = "removed: R is defined as the initial stop distance, so the stop is always 1 R",
        ["fsm_config"] = "removed: it repeated the breakeven and trailing settings of position_config; set those there",
        ["max_hold_time_hours"] = "moved to position_config.exit_rules.max_hold_time_hours",
        ["time_stop_minutes"] = "moved to position_config.exit_rules.time_stop_minutes",
        ["panic_exit_on_activity_drop"] = "moved to position_config.exit_rules.activity_drop_enabled",
        ["activity_drop_threshold"] = "moved to position_config.exit_rules.activity_drop_threshold",
        ["use_limit_orders"] = "use enable_iceberg (entries as passive post-only limit orders)",
        ["post_only"] = "not configurable: passive entry orders are always post-only; use enable_iceberg",
        ["fill_or_kill"] = "not supported for entries",
        ["twap_enabled"] = "use enable_twap",
        ["twap_duration_seconds"] = "use twap_interval_seconds (the pause between slices) and deadman_timeout_ms (the time limit of one entry)",
        ["prelevel_limit_offset_bps"] =
            "removed: entries are taken after a breakout bar closes, never resting in front of the level before it; passive entry slices rest execution_config.limit_offset_bps behind the touch",
        ["approach_slope_max_pct_per_bar"] =
            "removed from levels_rules: it repeated signal_config.entry_rules.approach_max_slope_pct, which is what decides (with validate_approach); set the value there",
        ["prebreakout_consolidation_min_bars"] =
            "removed from levels_rules: it repeated signal_config.entry_rules.approach_min_consolidation_bars, which is what decides (with validate_approach); set the value there",
        ["limit_timeout_seconds"] = "use deadman_timeout_ms (the time limit of one entry, in milliseconds)",
    };

    public static string? For(string key) => Hints.GetValueOrDefault(key);
}
