using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>Source-generated logging of the Bybit client. Endpoints and codes only: never a key, secret, signature or body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Bybit {Endpoint}: rate limit used up; waiting {WaitMs} ms for the reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string endpoint, double waitMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Bybit {Method} {Endpoint}: {Reason}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string endpoint, string reason, int attempt, double delayMs);
}
