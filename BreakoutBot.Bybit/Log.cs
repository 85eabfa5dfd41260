using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit;

/// <summary>
/// The Bybit client's log messages (source-generated; event ids 3000–3999 are the Bybit client's). No message takes a
/// key, secret, signature or raw auth frame as a parameter.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Stream {Stream} connected to {Endpoint} ({Topics} topic(s))")]
    public static partial void StreamConnected(ILogger logger, string stream, string endpoint, int topics);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Stream {Stream} lost its connection after attempt {Attempt}; reconnecting in {DelayMs:F0} ms: {Reason}")]
    public static partial void StreamDisconnected(ILogger logger, string stream, int attempt, double delayMs, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Stream {Stream} received nothing for {IdleMs:F0} ms; closing it as dead")]
    public static partial void StreamDead(ILogger logger, string stream, double idleMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Stream {Stream}: bad payload on topic {Topic} ({Problem}); resynchronizing the topic")]
    public static partial void BadPayload(ILogger logger, string stream, string topic, string problem);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Stream {Stream}: order book {Topic} {Outcome} at update {UpdateId} (book at {BookUpdateId}); resubscribing for a new snapshot")]
    public static partial void OrderBookResync(ILogger logger, string stream, string topic, string outcome, long updateId, long bookUpdateId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Stream {Stream}: subscription refused for {Topics}: {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string stream, string topics, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Stream {Stream}: authentication refused ({Reason})")]
    public static partial void AuthenticationRefused(ILogger logger, string stream, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Stream {Stream}: consumer is {Capacity} messages behind; the oldest market message was dropped")]
    public static partial void MessageDropped(ILogger logger, string stream, int capacity);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Stream {Stream} authenticated")]
    public static partial void Authenticated(ILogger logger, string stream);
}
