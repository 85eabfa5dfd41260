namespace BreakoutBot.Contracts.Trading;

/// <summary>How a position's entry was cut and how far it got (positions entered in more than one slice, or passively).</summary>
/// <param name="SlicesPlanned">Slices in the plan.</param>
/// <param name="PlannedQuantity">Their sum (before any re-sizing against the risk budget).</param>
/// <param name="SlicesSent">Entry orders sent so far (a passive slice completed at market counts twice).</param>
/// <param name="FilledQuantity">Filled by the entry orders so far.</param>
/// <param name="Passive">Whether slices may rest as post-only limits first.</param>
/// <param name="StartedAt">When the first slice went out.</param>
/// <param name="Deadline">After this no new slice is started.</param>
/// <param name="StoppedReason">Why the entry stopped starting slices early, if it did.</param>
public sealed record EntryPlanView(
    int SlicesPlanned, decimal PlannedQuantity, int SlicesSent, decimal FilledQuantity, bool Passive, DateTimeOffset StartedAt, DateTimeOffset Deadline, string? StoppedReason);
