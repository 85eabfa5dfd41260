namespace BreakoutBot.Simulator.Api;

/// <summary>The <c>Simulator:RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Simulator:RateLimits";

    /// <summary>Refuse requests over the limit with 10006, as Bybit does. The headers are sent either way.</summary>
    public bool Enforce { get; set; } = true;
}
