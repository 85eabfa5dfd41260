namespace BreakoutBot.Contracts.Engine;

/// <summary>Body of <c>GET /api/engine/status</c>. Every figure is read from what the Executor and Scanner recorded.</summary>
/// <param name="State">Stopped, Starting, Running, Paused, Stopping, Emergency, or Unknown when no Executor has reported yet.</param>
/// <param name="MaxPositions">The running preset's <c>risk.max_concurrent_positions</c>; null when no preset is loaded.</param>
/// <param name="DailyPnlUsd">Net realised PnL of trades closed since 00:00 UTC of the venue's day (<paramref name="VenueTime"/>).</param>
/// <param name="DailyPnlR">Sum of their R multiples.</param>
/// <param name="VenueTime">
/// The venue's clock now, as its latest answer showed it (null while the venue has not answered): fills, trades, orders,
/// equity points and candles are on it, and ranges such as "the last 24 hours" are measured back from it. The
/// simulator's clock runs ahead of ours at its speed.
/// </param>
public sealed record EngineStatus(
    string State,
    string Mode,
    string? PresetName,
    int? PresetVersion,
    DateTimeOffset? Since,
    string? Reason,
    int OpenPositions,
    int? MaxPositions,
    int? FreeSlots,
    decimal DailyPnlUsd,
    decimal DailyPnlR,
    int TradesToday,
    int ConsecutiveLosses,
    KillSwitchStatus KillSwitch,
    IReadOnlyList<ComponentStatus> Components,
    DataLag DataLag,
    DateTimeOffset? VenueTime);
