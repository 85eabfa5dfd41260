namespace BreakoutBot.Simulator.Api;

/// <summary>Bybit's per-account rate-limit response headers.</summary>
internal static class RateLimitHeaders
{
    public const string Limit = "X-Bapi-Limit";
    public const string Status = "X-Bapi-Limit-Status";
    public const string ResetTimestamp = "X-Bapi-Limit-Reset-Timestamp";
}
