namespace BreakoutBot.Domain.Execution;

/// <summary>
/// How one entry goes to the venue: the slice quantities (they add up to the sized quantity exactly), when each slice
/// starts (slice k at <c>k × SliceInterval</c> after the start), how long a passive slice may rest before its
/// unfilled rest goes out at market, and the deadline after which no new slice starts.
/// </summary>
/// <param name="Slices">Quantities on the lot step, each a valid order size; never empty.</param>
/// <param name="SliceInterval">Pause between slice starts; zero for a single slice.</param>
/// <param name="PassiveWindow">How long a post-only slice rests before it is cancelled and completed at market.</param>
/// <param name="Deadline">After the start, when the entry stops starting slices (the preset's deadman timeout).</param>
/// <param name="PassiveAllowed">Whether slices may go out as post-only limits (iceberg on); each slice still checks the spread.</param>
public sealed record EntryPlan(IReadOnlyList<decimal> Slices, TimeSpan SliceInterval, TimeSpan PassiveWindow, TimeSpan Deadline, bool PassiveAllowed)
{
    public decimal TotalQuantity => Slices.Sum();

    /// <summary>When slice <paramref name="index"/> (0-based) may start, after the entry's start.</summary>
    public TimeSpan StartOf(int index) => SliceInterval * index;

    /// <summary>
    /// Past this the executor was away for longer than any slice's window: a started passive slice is not completed
    /// at market any more, because the breakout it was chasing is old.
    /// </summary>
    public TimeSpan CompletionLimit => Deadline + PassiveWindow;

    /// <summary>One market order for the whole quantity: entries sized before execution config existed, and the fallback.</summary>
    public static EntryPlan SingleMarket(decimal quantity, TimeSpan deadline) => new([quantity], TimeSpan.Zero, TimeSpan.Zero, deadline, PassiveAllowed: false);
}
