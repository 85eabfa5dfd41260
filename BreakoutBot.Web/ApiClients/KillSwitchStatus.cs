namespace BreakoutBot.Web.ApiClients;

/// <summary>The persisted kill switch.</summary>
public sealed record KillSwitchStatus(bool Tripped, string? Reason, DateTimeOffset? TrippedAt);
