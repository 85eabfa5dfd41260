namespace BreakoutBot.Executor.Trading;

/// <summary>What syncing a position's venue stop left on the venue.</summary>
internal enum StopSync
{
    /// <summary>Stops are kept locally, or nothing is open: no venue stop is wanted.</summary>
    NotWanted,

    /// <summary>The stop at the position's level rests on the venue, confirmed; any older stop has been cancelled.</summary>
    Working,

    /// <summary>The stop was sent and its outcome is not known yet; any older stop stays until the venue confirms it.</summary>
    Unconfirmed,

    /// <summary>The venue refused the stop (or cancelled it at once); whatever stop was working before still is.</summary>
    Refused,

    /// <summary>The price is already through the stop's level: no stop can rest there, the position has to exit at market.</summary>
    Crossed,
}
