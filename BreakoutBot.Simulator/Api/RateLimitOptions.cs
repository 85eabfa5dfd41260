namespace BreakoutBot.Simulator.Api;

/// <summary>The <c>Simulator:RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Simulator:RateLimits";

    /// <summary>
    /// Count private requests per account and endpoint, send X-Bapi-Limit* and refuse those over the limit with
    /// 10006, as Bybit does. Off only for measurements (benchmarks) that must not wait.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
