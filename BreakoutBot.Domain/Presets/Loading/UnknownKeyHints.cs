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
        ["limit_timeout_seconds"] = "use deadman_timeout_ms (the time limit of one entry, in milliseconds)",
    };

    public static string? For(string key) => Hints.GetValueOrDefault(key);
}
