namespace BreakoutBot.Contracts.Engine;

/// <summary>One component's health as the Api can see it: <c>ok</c>, <c>stale</c>, <c>missing</c> or <c>down</c>.</summary>
public sealed record ComponentStatus(string Name, string Status, string? Detail, DateTimeOffset? LastSeenAt);
