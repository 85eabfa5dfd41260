using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Trading;

/// <summary>A position with its live valuation.</summary>
/// <param name="MarkPrice">The venue's mark price; null when the venue did not answer (then the PnL fields are null too).</param>
/// <param name="UnrealizedPnl">USDT on the open quantity at the mark price, before exit fees.</param>
/// <param name="UnrealizedR">Unrealised PnL in units of the initial risk (|entry − initial stop| × original quantity).</param>
/// <param name="Targets">The take-profit ladder with each target's filled state, as the Executor stores it.</param>
/// <param name="UnprotectedSince">Since when the open quantity has had no working venue stop; null while protected.</param>
/// <param name="UnprotectedSeconds">All the time the position went without a working venue stop, a running exposure included.</param>
/// <param name="Entry">The entry plan and its progress; null for an entry of one market order and for external positions.</param>
/// <param name="Drift">What reconciliation found wrong with this position, newest first (at most 20).</param>
/// <param name="AgeSeconds">How long it has been open (until its close, once closed), on the venue's clock like its open
/// and close times (in sim the simulator's clock runs at its speed, so an age on our clock would be wrong).</param>
public sealed record PositionView(
    string PositionId,
    string? SignalId,
    string Symbol,
    PositionDirection Direction,
    string Status,
    string Origin,
    decimal EntryPrice,
    decimal InitialStop,
    decimal Stop,
    string StopKind,
    decimal OriginalQuantity,
    decimal OpenQuantity,
    decimal? MarkPrice,
    decimal? UnrealizedPnl,
    decimal? UnrealizedR,
    decimal InitialRiskUsd,
    decimal RealizedPnl,
    decimal Fees,
    IReadOnlyList<TakeProfitTarget> Targets,
    int BarsHeld,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? ExitReason,
    DateTimeOffset? UnprotectedSince = null,
    decimal UnprotectedSeconds = 0,
    EntryPlanView? Entry = null,
    IReadOnlyList<DriftView>? Drift = null,
    decimal? AgeSeconds = null);
