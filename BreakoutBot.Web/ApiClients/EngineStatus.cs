namespace BreakoutBot.Web.ApiClients;

/// <summary><c>GET /api/engine/status</c> as the console reads it.</summary>
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
    DataLag? DataLag);
