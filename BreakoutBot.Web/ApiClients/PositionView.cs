namespace BreakoutBot.Web.ApiClients;

/// <summary>
/// A position valued at the venue's mark price (null mark: the venue did not answer). <see cref="UnprotectedSince"/> is
/// set while its open quantity has no working venue stop.
/// </summary>
public sealed record PositionView(
    string PositionId,
    string? SignalId,
    string Symbol,
    string Direction,
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
    IReadOnlyList<TakeProfitTarget>? Targets,
    int BarsHeld,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? ExitReason,
    DateTimeOffset? UnprotectedSince = null,
    decimal UnprotectedSeconds = 0);
