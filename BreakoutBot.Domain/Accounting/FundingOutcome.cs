namespace BreakoutBot.Domain.Accounting;

/// <summary>What <see cref="AccountLedger.ApplyFunding"/> did with a funding settlement.</summary>
public enum FundingOutcome
{
    /// <summary>The payment moved the wallet.</summary>
    Applied,

    /// <summary>Funding for this symbol at this settlement time was applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>No position was open in the symbol, so nothing was paid or received.</summary>
    NoPosition,

    /// <summary>The mark price was not positive; nothing changed.</summary>
    Rejected,
}
