namespace BreakoutBot.Domain.Presets;

/// <summary>
/// Which entry strategy is tried first for a symbol (<c>strategy_priority</c>). The original engine compared the
/// value with "momentum" and treated anything else as retest-first, so these two are the only meaningful values.
/// </summary>
public enum StrategyPriority
{
    /// <summary><c>momentum</c>: try the momentum breakout first, then the retest.</summary>
    Momentum,

    /// <summary><c>retest</c>: try the retest of a broken level first, then the momentum breakout.</summary>
    Retest,
}
