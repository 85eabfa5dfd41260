namespace BreakoutBot.Domain.Accounting;

/// <summary>What <see cref="AccountLedger.Apply"/> did with a fill.</summary>
public enum FillOutcome
{
    /// <summary>The fill changed the ledger.</summary>
    Applied,

    /// <summary>A fill with the same execution id was applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>The fill was invalid (see <see cref="FillRejection"/>); nothing changed.</summary>
    Rejected,
}
