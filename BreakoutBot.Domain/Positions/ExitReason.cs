namespace BreakoutBot.Domain.Positions;

/// <summary>Why (part of) a position was closed.</summary>
public enum ExitReason
{
    /// <summary>The initial stop-loss was hit.</summary>
    StopLoss,

    /// <summary>The stop, moved to breakeven, was hit.</summary>
    BreakevenStop,

    /// <summary>The trailing stop was hit.</summary>
    TrailingStop,

    /// <summary>A take-profit level filled.</summary>
    TakeProfit,

    /// <summary>Held for <c>max_hold_time_hours</c>.</summary>
    MaxHoldTime,

    /// <summary>Still not in profit after <c>time_stop_minutes</c>.</summary>
    TimeStop,

    /// <summary>The price fell back through the broken level within <c>failed_breakout_bars</c>.</summary>
    FailedBreakout,

    /// <summary>The move after entry stayed below <c>weak_impulse_min_move_pct</c> for <c>weak_impulse_check_bars</c>.</summary>
    WeakImpulse,

    /// <summary>A bar's volume fell <c>activity_drop_threshold</c> or more below the mean of the bars before it.</summary>
    ActivityDrop,

    /// <summary>A bar against the position had a true range of <c>volatility_spike_threshold</c> times the usual or more.</summary>
    VolatilitySpike,

    /// <summary>An operator asked for it.</summary>
    Manual,
}
