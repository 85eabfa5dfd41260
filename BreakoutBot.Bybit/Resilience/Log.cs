using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>
/// Source-generated logging of the Bybit client's resilience handlers (event ids 3100–3199, within the Bybit client's
/// 3000–3999). Endpoints and codes only: never a key, secret, signature or body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Bybit {Endpoint}: rate limit used up; waiting {WaitMs} ms for the reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string endpoint, double waitMs);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Bybit {Method} {Endpoint}: {Reason}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string endpoint, string reason, int attempt, double delayMs);
}
