using BreakoutBot.Domain.Execution;

namespace BreakoutBot.Data.Trading;

/// <summary>
/// An entry's plan as persisted on its position (<see cref="PositionRecord.EntryPlan"/>, column <c>entry_plan_json</c>): the slices, their timing, when the entry
/// started, the price it was sized on (for slippage), the risk budget later slices are cut to, why it stopped starting
/// slices early (if it did), the operator's close asked for during the entry (the position exits once the entry is
/// final), and the trace of the signal that opened it (later slices and the protection continue that trace). The slices sent so far are the entry orders in the
/// database, so a restarted executor continues where the crashed one stood.
/// </summary>
public sealed record EntryProgress(
    IReadOnlyList<decimal> Slices,
    TimeSpan SliceInterval,
    TimeSpan PassiveWindow,
    TimeSpan Deadline,
    bool PassiveAllowed,
    DateTimeOffset StartedAt,
    decimal? SizedPrice = null,
    string? StoppedReason = null,
    string? TraceParent = null,
    decimal? RiskBudget = null,
    decimal TakerFeeRate = 0m,
    string? CloseCommandId = null,
    decimal? MakerFeeRate = null)
{
    public EntryPlan Plan => new(Slices, SliceInterval, PassiveWindow, Deadline, PassiveAllowed);

    /// <summary>What the entry may still risk (<see cref="RiskBudget"/>: risk_per_trade of equity at approval); null for plans stored without one.</summary>
    public EntryRiskBudget? Budget(decimal stop) => RiskBudget is { } budget ? new EntryRiskBudget(budget, stop, TakerFeeRate, MakerFeeRate) : null;

    public static EntryProgress Start(EntryPlan plan, DateTimeOffset at, decimal? sizedPrice = null) =>
        new(plan.Slices, plan.SliceInterval, plan.PassiveWindow, plan.Deadline, plan.PassiveAllowed, at, sizedPrice);

    /// <summary>The average entry fill against the price sized on, in basis points; positive is adverse.</summary>
    public double? SlippageBps(decimal averageEntry, int directionSign) =>
        SizedPrice is { } sized && sized > 0 ? (double)((averageEntry - sized) / sized * 10_000m * directionSign) : null;

    /// <summary>A position's stored plan; a position without one was entered by one market order.</summary>
    public static EntryProgress Of(EntryProgress? stored, decimal quantity, DateTimeOffset openedAt, TimeSpan deadline) =>
        stored ?? Start(EntryPlan.SingleMarket(quantity, deadline), openedAt);
}
