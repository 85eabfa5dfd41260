using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests.Presets;

/// <summary>
/// The 15 presets of the original Python bot, loaded as they were. None is valid in the new schema; these tests pin
/// that each defect listed in the inventory is reported at its own path.
/// </summary>
public class OriginalPresetsTests
{
    public static TheoryData<string> OriginalNames => [.. PresetFixtures.OriginalNames()];

    public static TheoryData<string, string, string> KnownDefects => new()
    {
        // breakout_v1.json declared another preset's name, so reloading it by name loaded a different file.
        { "breakout_v1", "$.name", "'breakout_v1_working' does not match the file name 'breakout_v1.json'" },
        // The original failed pydantic validation on this one value.
        { "scalping_high_freq", "$.execution_config.iceberg_min_notional", "expected a number > 0 (USD notional), got 0.0" },
        // ccxt symbols never match Bybit symbols.
        { "scalping_high_freq", "$.scanner_config.symbol_whitelist[0]", "'BTC/USDT:USDT' is a ccxt symbol; write it as Bybit does: 'BTCUSDT'" },
        { "smallcap_top_losers", "$.scanner_config.symbol_blacklist[0]", "'BTC/USDT' is a ccxt symbol" },
        { "breakout_v1_working", "$.scanner_config.symbol_blacklist[0]", "'USDT/USD' is not a USDT perpetual" },
        // Score components the scorer never computed.
        { "smallcap_top_losers", "$.scanner_config.score_weights.losers_momentum", "unknown score component 'losers_momentum'" },
        { "top_losers_reversal", "$.scanner_config.score_weights.losers_reversal", "unknown score component 'losers_reversal'" },
        // TWAP entries that the deadman always cut short.
        { "smallcap_top_gainers", "$.execution_config.deadman_timeout_ms", "= 14000 ms" },
        { "smallcap_top_losers", "$.execution_config.deadman_timeout_ms", "= 14000 ms" },
        { "swing_trading_pro", "$.execution_config.deadman_timeout_ms", "= 15000 ms" },
        { "top_gainers_momentum", "$.execution_config.deadman_timeout_ms", "= 6000 ms" },
        { "top_losers_reversal", "$.execution_config.deadman_timeout_ms", "= 10000 ms" },
        // The legacy two-level take-profit is replaced by the ladder.
        { "high_liquidity_top30", "$.position_config.tp1_r", "position_config.tp_levels" },
        { "high_liquidity_top30", "$.position_config.tp_levels", "required key is missing" },
        { "high_percent_breakout", "$.position_config.time_stop_minutes", "moved to position_config.exit_rules" },
        { "high_percent_breakout", "$.position_config.panic_exit_on_activity_drop", "exit_rules.activity_drop_enabled" },
        // video_*: (c) unknown score keys, (d) imbalance outside [-1, 1], (e) fractions as percentiles,
        // (f) execution keys that were ignored, (g) a 15-40 % retest offset, and a strategy_priority outside the enum.
        { "video_strategy_aggressive", "$.strategy_priority", "got string \"breakout_momentum\"" },
        { "video_strategy_aggressive", "$.signal_config.l2_imbalance_threshold", "got 2.5" },
        { "video_strategy_scalping", "$.volatility_filters.bb_width_percentile_max", "got 0.7" },
        { "video_strategy_scalping", "$.signal_config.retest_pierce_tolerance", "got 0.15" },
        { "video_strategy_swing", "$.execution_config.twap_enabled", "use enable_twap" },
        { "video_strategy_swing", "$.scanner_config.score_weights.level_quality", "unknown score component" },
        { "video_strategy_swing", "$.position_config.fsm_config", "removed" },
        // Fields with no meaning of their own are refused with where to go instead.
        { "video_strategy_swing", "$.signal_config.prelevel_limit_offset_bps", "execution_config.limit_offset_bps" },
        { "high_percent_breakout", "$.levels_rules.approach_slope_max_pct_per_bar", "entry_rules.approach_max_slope_pct" },
        { "high_percent_breakout", "$.levels_rules.prebreakout_consolidation_min_bars", "entry_rules.approach_min_consolidation_bars" },
    };

    [Theory]
    [MemberData(nameof(OriginalNames))]
    public void LoadFile_OriginalPreset_IsRejectedWithoutAPreset(string name)
    {
        var result = PresetLoader.LoadFile(Path.Combine(PresetFixtures.OriginalDirectory, name + ".json"));

        Assert.False(result.IsValid);
        Assert.Null(result.Preset);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error => Assert.StartsWith("$.", error.Path, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KnownDefects))]
    public void LoadFile_OriginalWithKnownDefect_ReportsItAtItsPath(string name, string path, string messagePart)
    {
        var result = PresetLoader.LoadFile(Path.Combine(PresetFixtures.OriginalDirectory, name + ".json"));

        var error = Assert.Single(result.Errors, error => error.Path == path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_VideoConservative_ReportsExactlyTheAppendixBDefects()
    {
        var result = PresetLoader.LoadFile(Path.Combine(PresetFixtures.OriginalDirectory, "video_strategy_conservative.json"));

        Assert.Equal(
            [
                "$.strategy_priority",
                "$.volatility_filters.bb_width_percentile_max",
                "$.signal_config.retest_pierce_tolerance",
                "$.signal_config.l2_imbalance_threshold",
                "$.signal_config.prelevel_limit_offset_bps",
                "$.position_config.sl_r",
                "$.position_config.fsm_config",
                "$.position_config.max_hold_time_hours",
                "$.scanner_config.score_weights.volume",
                "$.scanner_config.score_weights.volatility",
                "$.scanner_config.score_weights.level_quality",
                "$.scanner_config.score_weights.momentum",
                "$.scanner_config.score_weights.liquidity",
                "$.execution_config.enable_twap",
                "$.execution_config.enable_iceberg",
                "$.execution_config.max_depth_fraction",
                "$.execution_config.twap_interval_seconds",
                "$.execution_config.iceberg_min_notional",
                "$.execution_config.spread_widen_bps",
                "$.execution_config.deadman_timeout_ms",
                "$.execution_config.taker_fee_bps",
                "$.execution_config.maker_fee_bps",
                "$.execution_config.use_limit_orders",
                "$.execution_config.limit_timeout_seconds",
                "$.execution_config.fill_or_kill",
                "$.execution_config.post_only",
                "$.execution_config.twap_enabled",
                "$.execution_config.twap_duration_seconds",
                "$.levels_rules.approach_slope_max_pct_per_bar",
                "$.levels_rules.prebreakout_consolidation_min_bars",
            ],
            PresetFixtures.ErrorPaths(result));
    }

    [Fact]
    public void LoadFile_BreakoutV1_DiffersFromItsTwinOnlyByTheNameError()
    {
        var engineDefault = PresetLoader.LoadFile(Path.Combine(PresetFixtures.OriginalDirectory, "breakout_v1.json"));
        var working = PresetLoader.LoadFile(Path.Combine(PresetFixtures.OriginalDirectory, "breakout_v1_working.json"));

        Assert.Equal(
            ["$.name"],
            PresetFixtures.ErrorPaths(engineDefault).Except(PresetFixtures.ErrorPaths(working)));
    }

    [Fact]
    public void LoadDirectory_Originals_NoneValid()
    {
        var results = PresetLoader.LoadDirectory(PresetFixtures.OriginalDirectory);

        Assert.Equal(15, results.Count);
        Assert.DoesNotContain(results, result => result.IsValid);
    }
}
