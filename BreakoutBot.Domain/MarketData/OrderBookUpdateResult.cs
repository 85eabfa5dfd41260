namespace BreakoutBot.Domain.MarketData;

/// <summary>What <see cref="OrderBook"/> did with an update. Anything but <see cref="Applied"/> leaves the book unchanged.</summary>
public enum OrderBookUpdateResult
{
    Applied,

    /// <summary>A delta arrived before any snapshot (or after a gap); wait for the next snapshot.</summary>
    AwaitingSnapshot,

    /// <summary>
    /// The delta's update id skipped ahead. The book is now unusable until a new snapshot: resubscribe to get one.
    /// </summary>
    Gap,

    /// <summary>The delta's update id is not newer than the book's (a replay); it was ignored.</summary>
    Stale,
}
