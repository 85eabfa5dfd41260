namespace BreakoutBot.Domain.MarketData;

/// <summary>Bybit's instrument <c>status</c>; the member names are the wire spellings.</summary>
public enum ContractStatus
{
    /// <summary>Listed but not yet open for trading.</summary>
    PreLaunch,

    Trading,

    /// <summary>A dated contract in its delivery process; no new positions.</summary>
    Delivering,

    Closed,
}
