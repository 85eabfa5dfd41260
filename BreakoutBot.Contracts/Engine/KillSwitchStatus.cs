namespace BreakoutBot.Contracts.Engine;

/// <summary>The persisted kill switch.</summary>
public sealed record KillSwitchStatus(bool Tripped, string? Reason, DateTimeOffset? TrippedAt);
