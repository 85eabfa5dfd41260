using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Thresholds of <see cref="SignalEngine"/>. <see cref="FromPreset"/> fills what <c>signal_config</c> and
/// <c>strategy_priority</c> say; the rest are the original bot's constants (INVENTORY Appendix C) or, where it had none
/// (cooldown, minimum confidence), stated defaults.
/// </summary>
public sealed record SignalRules
{
    /// <summary>Breakout candle volume / median of the previous <see cref="VolumeWindow"/> bars (<c>momentum_volume_multiplier</c>).</summary>
    public required decimal MinVolumeSurge { get; init; }

    /// <summary>Smallest |close − open| / (high − low) of a breakout candle, 0-1 (<c>momentum_body_ratio_min</c>).</summary>
    public required decimal MinBodyRatio { get; init; }

    /// <summary>How far beyond the level the close must be, fraction of the level price (<c>momentum_epsilon</c>).</summary>
    public required decimal BreakoutEpsilon { get; init; }

    /// <summary>How near the level a retest bar's low (long) or high (short) must come, fraction of the level price (<c>retest_pierce_tolerance</c>).</summary>
    public required decimal RetestApproachFraction { get; init; }

    /// <summary>How far a retest may pierce back through the level, multiple of ATR (<c>retest_max_pierce_atr</c>).</summary>
    public required decimal RetestMaxPierceAtr { get; init; }

    /// <summary>Smallest book imbalance in the trade's direction when a book is given, 0-1 (<c>l2_imbalance_threshold</c>).</summary>
    public required decimal MinImbalance { get; init; }

    /// <summary>Largest |close − VWAP| as a multiple of ATR (<c>vwap_gap_max_atr</c>); null = no cap.</summary>
    public required decimal? VwapGapMaxAtr { get; init; }

    /// <summary>
    /// Farthest executable entry from the level, fraction of the level price
    /// (<c>entry_rules.max_distance_from_level_bps</c> / 10⁴; the original checked it as a minimum); null = no cap.
    /// Chasing a bar that already ran far from the level puts the stop far away and the sized risk out of line.
    /// </summary>
    public required decimal? MaxEntryDistanceFraction { get; init; }

    /// <summary>Confirmation rules an entry must pass (<c>signal_config.entry_rules</c>); null = none checked.</summary>
    public EntryRulesConfig? EntryRules { get; init; }

    /// <summary>Market conditions that block a signal (<c>signal_config.market_quality</c>); null = none checked.</summary>
    public MarketQualityConfig? MarketQuality { get; init; }

    /// <summary>Order-book bucketing for the density confirmation (<c>density_config</c>); null = densities not tracked.</summary>
    public DensityConfig? Density { get; init; }

    /// <summary>Share of the wall at the level that must be gone when a momentum breakout closes (<c>enter_on_density_eat_ratio</c>).</summary>
    public decimal DensityEatRatio { get; init; } = 0.75m;

    /// <summary>How close to the level the closes of the approach must stay, fraction of the level price (the original's 0.5 %).</summary>
    public decimal ApproachBandFraction { get; init; } = 0.005m;

    /// <summary>Which strategy wins when both would signal on one bar (<c>strategy_priority</c>).</summary>
    public required StrategyPriority Priority { get; init; }

    /// <summary>Book levels per side in the imbalance.</summary>
    public int ImbalanceBookLevels { get; init; } = 10;

    /// <summary>Previous bars whose median volume the breakout volume is compared with.</summary>
    public int VolumeWindow { get; init; } = 19;

    /// <summary>ATR period of the engine's own ATR.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance beyond the level, multiple of ATR.</summary>
    public decimal StopBufferAtr { get; init; } = 1m;

    /// <summary>Youngest breakout a retest may follow.</summary>
    public TimeSpan RetestMinAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Oldest breakout a retest may follow.</summary>
    public TimeSpan RetestMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Recent bars of the retest activity check.</summary>
    public int ActivityRecentBars { get; init; } = 5;

    /// <summary>Earlier bars the recent volume is compared with.</summary>
    public int ActivityBaselineBars { get; init; } = 15;

    /// <summary>
    /// Smallest mean recent volume / mean earlier volume for a retest: the touch of the level must keep this share of the
    /// recent activity (<c>tpm_on_touch_frac</c>; measured on bar volume, which every data source has, where the original
    /// counted trades per minute). Without a preset, the original's 0.8.
    /// </summary>
    public decimal MinActivityRatio { get; init; } = 0.8m;

    /// <summary>Signals below this confidence are rejected; the presets have no such field, so 0 by default.</summary>
    public double MinConfidence { get; init; }

    /// <summary>No second signal for the symbol until this long after the last one's candle closed.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Levels closer than this fraction of price are the same level (for "one signal per level" and breakout lookup).</summary>
    public decimal SameLevelFraction { get; init; } = 0.001m;

    public static SignalRules FromPreset(TradingPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var config = preset.SignalConfig;
        return new SignalRules
        {
            MinVolumeSurge = config.MomentumVolumeMultiplier,
            MinBodyRatio = config.MomentumBodyRatioMin,
            BreakoutEpsilon = config.MomentumEpsilon,
            RetestApproachFraction = config.RetestPierceTolerance,
            RetestMaxPierceAtr = config.RetestMaxPierceAtr,
            MinImbalance = config.L2ImbalanceThreshold,
            VwapGapMaxAtr = config.VwapGapMaxAtr,
            MinActivityRatio = config.TpmOnTouchFrac,
            MaxEntryDistanceFraction = config.EntryRules.MaxDistanceFromLevelBps / 10_000m,
            EntryRules = config.EntryRules,
            Density = preset.DensityConfig,
            DensityEatRatio = config.EnterOnDensityEatRatio,
            MarketQuality = config.MarketQuality,
            Priority = preset.StrategyPriority,
        };
    }
}
