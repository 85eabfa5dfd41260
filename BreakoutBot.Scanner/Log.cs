namespace BreakoutBot.Scanner;

/// <summary>The Scanner's log messages (source-generated; EventIds 1xxx are stable).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Universe: {Count} symbols ({Added} added, {Removed} removed)")]
    public static partial void UniverseChanged(ILogger logger, int count, int added, int removed);

    [LoggerMessage(1001, LogLevel.Information, "Evaluating with preset {Preset} version {Version}")]
    public static partial void PresetActivated(ILogger logger, string preset, int version);

    [LoggerMessage(1002, LogLevel.Warning, "Preset {Preset} cannot be used: {Errors}; using the shipped default")]
    public static partial void PresetUnusable(ILogger logger, string preset, string errors);

    [LoggerMessage(1003, LogLevel.Warning, "Preset store unavailable ({Error}); using the shipped default")]
    public static partial void PresetStoreUnavailable(ILogger logger, string error);

    [LoggerMessage(1004, LogLevel.Information, "Close {CandleOpenTime:u}: {Symbols} symbols, {Passed} passed, {Signals} signals in {Milliseconds:F1} ms")]
    public static partial void CloseEvaluated(ILogger logger, DateTimeOffset candleOpenTime, int symbols, int passed, int signals, double milliseconds);

    [LoggerMessage(1005, LogLevel.Information, "Signal {SignalId}: {Symbol} {Side} {Strategy} level {Level} entry {Entry} stop {Stop}")]
    public static partial void SignalPublished(ILogger logger, string signalId, string symbol, string side, string strategy, decimal level, decimal entry, decimal stop);

    [LoggerMessage(1006, LogLevel.Information, "Signal {SignalId} was published before; not repeated")]
    public static partial void SignalAlreadyPublished(ILogger logger, string signalId);

    [LoggerMessage(1007, LogLevel.Warning, "Candle gap on {Symbol}; back-filling over REST")]
    public static partial void CandleGap(ILogger logger, string symbol);

    [LoggerMessage(1008, LogLevel.Warning, "Market data stream reconnected ({Topics} topics); re-reading candles over REST")]
    public static partial void StreamReconnected(ILogger logger, int topics);

    [LoggerMessage(1009, LogLevel.Warning, "Scanner step {Step} failed; continuing degraded")]
    public static partial void StepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(1010, LogLevel.Information, "Signals {State}: {Reason}")]
    public static partial void SignalsSwitched(ILogger logger, string state, string reason);
}
