using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Entry-signal thresholds (<c>signal_config</c>).</summary>
public sealed record SignalConfig
{
    /// <summary><c>momentum_volume_multiplier</c>: breakout candle volume / median of the previous 19, multiple in [1, 20].</summary>
    public required decimal MomentumVolumeMultiplier { get; init; }

    /// <summary><c>momentum_body_ratio_min</c>: |close − open| / (high − low) of the breakout candle, 0-1.</summary>
    public required decimal MomentumBodyRatioMin { get; init; }

    /// <summary><c>momentum_epsilon</c>: how far beyond the level the close must be, fraction of the level price in [0, 0.02].</summary>
    public required decimal MomentumEpsilon { get; init; }

    /// <summary><c>retest_pierce_tolerance</c>: retest entry offset from the level, fraction of the level price in [0, 0.01] (0.002 = 0.2 %).</summary>
    public required decimal RetestPierceTolerance { get; init; }

    /// <summary><c>retest_max_pierce_atr</c>: how far a retest may pierce back through the level, multiple of ATR(14) in (0, 5].</summary>
    public required decimal RetestMaxPierceAtr { get; init; }

    /// <summary><c>l2_imbalance_threshold</c>: minimum order-book imbalance (bid − ask) / (bid + ask) in the trade's direction, in [0, 1).</summary>
    public required decimal L2ImbalanceThreshold { get; init; }

    /// <summary><c>vwap_gap_max_atr</c>: largest |price − VWAP| at entry, multiple of ATR(14) in (0, 10].</summary>
    public required decimal VwapGapMaxAtr { get; init; }

    /// <summary><c>enter_on_density_eat_ratio</c>: share of the wall at the level (see <c>entry_rules.require_density_confirmation</c>) that must be gone from the book when a momentum breakout closes, fraction in (0, 1].</summary>
    public required decimal EnterOnDensityEatRatio { get; init; }

    /// <summary>
    /// <c>tpm_on_touch_frac</c>: a retest needs the activity on the touch — mean volume of the last 5 bars over the mean of
    /// the 15 before them — to be at least this fraction, in (0, 1].
    /// </summary>
    public required decimal TpmOnTouchFrac { get; init; }

    /// <summary><c>entry_rules</c>: confirmation rules an entry must pass.</summary>
    public required EntryRulesConfig EntryRules { get; init; }

    /// <summary><c>market_quality</c>: conditions under which a market is not traded at all.</summary>
    public required MarketQualityConfig MarketQuality { get; init; }

    // Stand-in values (null!) only survive in a preset that has errors, and such a preset is never handed out.
    internal static SignalConfig Read(PresetObjectReader json) => new()
    {
        MomentumVolumeMultiplier = json.Decimal("momentum_volume_multiplier", DecimalRange.Closed(1m, 20m), PresetUnits.VolumeMultiple),
        MomentumBodyRatioMin = json.Decimal("momentum_body_ratio_min", DecimalRange.Closed(0m, 1m), PresetUnits.BodyRatio),
        MomentumEpsilon = json.Decimal("momentum_epsilon", DecimalRange.Closed(0m, 0.02m), PresetUnits.FractionOfLevelPrice),
        RetestPierceTolerance = json.Decimal("retest_pierce_tolerance", DecimalRange.Closed(0m, 0.01m), PresetUnits.FractionOfLevelPrice),
        RetestMaxPierceAtr = json.Decimal("retest_max_pierce_atr", DecimalRange.AboveUpTo(0m, 5m), PresetUnits.AtrMultiple),
        L2ImbalanceThreshold = json.Decimal("l2_imbalance_threshold", DecimalRange.FromBelow(0m, 1m), PresetUnits.Imbalance),
        VwapGapMaxAtr = json.Decimal("vwap_gap_max_atr", DecimalRange.AboveUpTo(0m, 10m), PresetUnits.AtrMultiple),
        EnterOnDensityEatRatio = json.Decimal("enter_on_density_eat_ratio", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.Fraction),
        TpmOnTouchFrac = json.Decimal("tpm_on_touch_frac", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.Fraction),
        EntryRules = json.Section("entry_rules", EntryRulesConfig.Read)!,
        MarketQuality = json.Section("market_quality", MarketQualityConfig.Read)!,
    };
}
