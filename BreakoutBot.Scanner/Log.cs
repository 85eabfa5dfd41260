namespace BreakoutBot.Scanner;

/// <summary>The Scanner's log messages (source-generated; event ids 2000–2999 are the Scanner's).</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Universe: {Count} symbols ({Added} added, {Removed} removed)")]
    public static partial void UniverseChanged(ILogger logger, int count, int added, int removed);

    [LoggerMessage(2001, LogLevel.Information, "Evaluating with preset {Preset} version {Version}")]
    public static partial void PresetActivated(ILogger logger, string preset, int version);

    [LoggerMessage(2002, LogLevel.Warning, "Preset {Preset} cannot be used: {Errors}; using the shipped default")]
    public static partial void PresetUnusable(ILogger logger, string preset, string errors);

    [LoggerMessage(2003, LogLevel.Warning, "Preset store unavailable ({Error}); using the shipped default")]
    public static partial void PresetStoreUnavailable(ILogger logger, string error);

    [LoggerMessage(2004, LogLevel.Information, "Close {CandleOpenTime:u}: {Symbols} symbols, {Passed} passed, {Signals} signals in {Milliseconds:F1} ms")]
    public static partial void CloseEvaluated(ILogger logger, DateTimeOffset candleOpenTime, int symbols, int passed, int signals, double milliseconds);

    [LoggerMessage(2005, LogLevel.Information, "Signal {SignalId}: {Symbol} {Side} {Strategy} level {Level} entry {Entry} stop {Stop}")]
    public static partial void SignalPublished(ILogger logger, string signalId, string symbol, string side, string strategy, decimal level, decimal entry, decimal stop);

    [LoggerMessage(2006, LogLevel.Information, "Signal {SignalId} was published before; not repeated")]
    public static partial void SignalAlreadyPublished(ILogger logger, string signalId);

    [LoggerMessage(2007, LogLevel.Warning, "Candle gap on {Symbol}; back-filling over REST")]
    public static partial void CandleGap(ILogger logger, string symbol);

    [LoggerMessage(2008, LogLevel.Warning, "Market data stream reconnected ({Topics} topics); re-reading candles over REST")]
    public static partial void StreamReconnected(ILogger logger, int topics);

    [LoggerMessage(2009, LogLevel.Warning, "Scanner step {Step} failed; continuing degraded")]
    public static partial void StepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(2010, LogLevel.Information, "Signals {State}: {Reason}")]
    public static partial void SignalsSwitched(ILogger logger, string state, string reason);
}
