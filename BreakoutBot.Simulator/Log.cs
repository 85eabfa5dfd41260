namespace BreakoutBot.Simulator;

/// <summary>The simulator's log messages (source-generated; event ids 4000–4999 are the simulator's). Never a key, secret or signature.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Stream connection {ConnectionId} opened on {Path}")]
    public static partial void StreamOpened(ILogger logger, string connectionId, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Stream connection {ConnectionId} closed ({Reason})")]
    public static partial void StreamClosed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Stream connection {ConnectionId} is {Capacity} messages behind; closing it as a slow consumer")]
    public static partial void SlowConsumer(ILogger logger, string connectionId, int capacity);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Stream connection {ConnectionId}: private auth {Outcome}")]
    public static partial void PrivateAuth(ILogger logger, string connectionId, string outcome);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Fault injected on the WebSocket streams: {Fault}")]
    public static partial void StreamFault(ILogger logger, string fault);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Paper mode: the upstream refused or dropped topic {Topic}: {Reason}")]
    public static partial void UpstreamSubscribeFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Paper mode: the upstream's instruments could not be loaded ({Reason}); trying again in {DelaySeconds} s")]
    public static partial void UpstreamInstrumentsFailed(ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Paper mode: {Count} instruments loaded from the upstream")]
    public static partial void UpstreamInstrumentsLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Paper mode: no streamed book for {Symbol} yet; using the upstream's REST book")]
    public static partial void UpstreamBookFromRest(ILogger logger, string symbol);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "The venue's step failed; trying again at the next beat")]
    public static partial void VenueStepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Recording {SymbolCount} symbol(s), {Interval}-minute bars, to {Directory}")]
    public static partial void RecordingStarted(ILogger logger, int symbolCount, string interval, string directory);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Could not record the {Symbol} bar of {OpenTime:O}")]
    public static partial void RecordFailed(ILogger logger, string symbol, DateTimeOffset openTime, Exception exception);
}
