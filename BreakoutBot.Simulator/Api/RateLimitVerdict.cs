namespace BreakoutBot.Simulator.Api;

/// <summary>One request counted against its endpoint's limit: allowed or not, the limit, what is left, when it resets.</summary>
public sealed record RateLimitVerdict(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt);
