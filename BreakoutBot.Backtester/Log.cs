namespace BreakoutBot.Backtester;

/// <summary>The backtester's log messages (source-generated; event ids 7200–7299 are the backtester's).</summary>
internal static partial class Log
{
    [LoggerMessage(7200, LogLevel.Information, "Backtest {RunId}: preset {Preset} version {Version} started (attempt {Attempt})")]
    public static partial void RunStarted(ILogger logger, Guid runId, string preset, int version, int attempt);

    [LoggerMessage(7201, LogLevel.Information, "Backtest {RunId} succeeded: {Trades} trade(s), net {NetPnl} USDT, {Candles} candles at {CandlesPerSecond:F0}/s")]
    public static partial void RunSucceeded(ILogger logger, Guid runId, int trades, decimal netPnl, long candles, double candlesPerSecond);

    [LoggerMessage(7202, LogLevel.Warning, "Backtest {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, Guid runId, string reason);

    [LoggerMessage(7203, LogLevel.Information, "Backtest {RunId} cancelled")]
    public static partial void RunCancelled(ILogger logger, Guid runId);

    [LoggerMessage(7204, LogLevel.Warning, "{Count} backtest run(s) whose worker stopped were recovered (queued again, failed or cancelled)")]
    public static partial void RunsRecovered(ILogger logger, int count);

    [LoggerMessage(7205, LogLevel.Warning, "The backtest queue could not be read ({Error}); retrying")]
    public static partial void QueueUnavailable(ILogger logger, string error);

    [LoggerMessage(7206, LogLevel.Information, "Generating the synthetic market seed {Seed}, {Symbols} symbol(s) × {Bars} bars into {Directory}")]
    public static partial void GeneratingSyntheticMarket(ILogger logger, int seed, int symbols, int bars, string directory);

    [LoggerMessage(7207, LogLevel.Error, "Backtest {RunId} stopped with an unexpected error")]
    public static partial void RunCrashed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(7208, LogLevel.Information, "Data sets in {Directory}: {Count} ({Names})")]
    public static partial void DataSetsListed(ILogger logger, string directory, int count, string names);

    [LoggerMessage(7209, LogLevel.Warning, "The data sets could not be listed or published ({Error}); retrying")]
    public static partial void DataSetsUnavailable(ILogger logger, string error);
}
