namespace BreakoutBot.Domain.Strategy;

/// <summary>Why a candle produced no signal, or why one level / strategy did not.</summary>
public enum SignalRejectionCode
{
    /// <summary>The candle is still forming; signals are only evaluated on closed candles.</summary>
    CandleNotClosed,

    /// <summary>The candle is not newer than the last one evaluated (replayed or out of order).</summary>
    StaleCandle,

    /// <summary>Not enough closed candles yet for volume and ATR measures.</summary>
    NotEnoughHistory,

    /// <summary>No levels were given.</summary>
    NoLevels,

    /// <summary>The symbol signalled within the cooldown.</summary>
    Cooldown,

    /// <summary>This level already produced a signal.</summary>
    LevelAlreadySignalled,

    /// <summary>The previous close was not on the other side of the level, so this candle did not cross it.</summary>
    NoFreshCross,

    /// <summary>The close crossed the level by less than the preset's epsilon.</summary>
    BreakoutTooShallow,

    /// <summary>Candle volume / median of the previous ones is below the threshold.</summary>
    VolumeTooLow,

    /// <summary>The candle body points against the trade (a red candle cannot confirm a long).</summary>
    BodyAgainstDirection,

    /// <summary>|close − open| / (high − low) is below the minimum.</summary>
    BodyTooSmall,

    /// <summary>Order-book imbalance in the trade's direction is below the threshold.</summary>
    ImbalanceTooWeak,

    /// <summary>|close − VWAP| is more than the allowed multiple of ATR.</summary>
    VwapGapTooWide,

    /// <summary>No breakout of this level was recorded.</summary>
    NoRecordedBreakout,

    /// <summary>The breakout happened less than the minimum age ago.</summary>
    BreakoutTooRecent,

    /// <summary>The breakout happened more than the maximum age ago.</summary>
    BreakoutTooOld,

    /// <summary>Price did not come back to the level.</summary>
    NotAtLevel,

    /// <summary>Price pierced back through the level by more than allowed.</summary>
    PierceTooDeep,

    /// <summary>The candle closed on the wrong side of the level.</summary>
    ClosedThroughLevel,

    /// <summary>Recent volume fell too far below the earlier average.</summary>
    ActivityCollapsed,

    /// <summary>Entry and stop are not on the correct sides of each other.</summary>
    NonPositiveRisk,

    /// <summary>The executable entry is farther from the level than the preset allows.</summary>
    EntryTooFarFromLevel,

    /// <summary>Confidence is below the minimum.</summary>
    ConfidenceTooLow,

    /// <summary><c>market_quality.flat_market_*</c>: the mean true range is too small a share of the price.</summary>
    MarketFlat,

    /// <summary><c>market_quality.require_stable_volatility</c>: ATR just rose to a spike over its recent mean.</summary>
    VolatilitySpiking,

    /// <summary><c>market_quality.noise_filter_*</c>: the candles are mostly wick.</summary>
    MarketNoisy,

    /// <summary><c>market_quality.consolidation_*</c>: the bars before the breakout did not consolidate.</summary>
    NoConsolidation,

    /// <summary><c>market_quality.require_clear_trend</c>: price has not moved enough in the trade's direction.</summary>
    NoClearTrend,

    /// <summary><c>entry_rules.require_volume_confirmation</c>: the breakout volume is not enough above the mean.</summary>
    VolumeNotConfirmed,

    /// <summary><c>entry_rules.require_momentum</c>: the price change into the breakout is too small.</summary>
    MomentumTooWeak,

    /// <summary><c>entry_rules.validate_approach</c>: price ran at the level instead of approaching it calmly.</summary>
    ApproachTooSteep,

    /// <summary><c>entry_rules.validate_approach</c>: the bars before the breakout did not hold near the level.</summary>
    ApproachAwayFromLevel,

    /// <summary><c>entry_rules.require_clean_breakout</c>: the level was already crossed and given back recently.</summary>
    FalseStart,

    /// <summary><c>entry_rules.require_density_confirmation</c>: no order-book wall stood at the level before the breakout.</summary>
    NoDensityAtLevel,

    /// <summary><c>enter_on_density_eat_ratio</c>: too much of the wall at the level is still standing.</summary>
    DensityNotEaten,

    /// <summary><c>entry_rules.avoid_session_start_minutes</c>: too soon after 00:00 UTC.</summary>
    SessionStart,

    /// <summary><c>entry_rules.avoid_session_end_minutes</c>: too close to 00:00 UTC.</summary>
    SessionEnd,
}
