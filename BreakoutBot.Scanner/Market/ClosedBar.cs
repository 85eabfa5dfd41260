namespace BreakoutBot.Scanner.Market;

/// <summary>A bar closed across the universe: its open time (venue clock) and when its first close reached us (local clock).</summary>
public readonly record struct ClosedBar(DateTimeOffset OpenTime, DateTimeOffset FirstCloseSeenAt);
