namespace BreakoutBot.Data.Trading;

/// <summary>What the executor decided about a signal (the signals table's <c>outcome</c> column, stored as the member's name).</summary>
public enum SignalOutcome
{
    /// <summary>Sized within the risk limits; the entry was sent.</summary>
    Approved,

    /// <summary>Refused by a risk rule or by the market (the reason names which).</summary>
    Rejected,

    /// <summary>Arrived past its expiry by the venue's clock.</summary>
    Stale,

    /// <summary>The engine was not running.</summary>
    Ignored,
}
