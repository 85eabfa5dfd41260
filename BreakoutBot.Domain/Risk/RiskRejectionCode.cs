namespace BreakoutBot.Domain.Risk;

/// <summary>Why a trade was refused; stable codes for the audit log, metrics and the operator console.</summary>
public enum RiskRejectionCode
{
    /// <summary>The kill switch is tripped; only an operator reset allows entries again.</summary>
    KillSwitchTripped,

    /// <summary>Equity is not a positive amount.</summary>
    InvalidEquity,

    /// <summary>The stop is missing, equal to the entry or on the wrong side of it.</summary>
    InvalidStop,

    /// <summary>After every cap and rounding down to the lot step, the order is below the venue's minimum.</summary>
    BelowMinimumOrderSize,

    /// <summary>As many positions (open or being entered) as the preset allows.</summary>
    MaxConcurrentPositions,

    /// <summary>Today's loss (from the UTC day-start equity, unrealised included) reached the daily limit.</summary>
    DailyLossLimit,

    /// <summary>Too many losing trades in a row.</summary>
    ConsecutiveLosses,

    /// <summary>The trade would push exposure correlated with BTC in one direction above its cap.</summary>
    CorrelatedExposure,

    /// <summary>A position or entry for this symbol already exists.</summary>
    SymbolAlreadyTraded,
}
