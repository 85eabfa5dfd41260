namespace BreakoutBot.Messaging.Streams;

/// <summary>Plain Redis keys (latest snapshots and dedupe markers).</summary>
public static class RedisKeys
{
    /// <summary>The latest ranked scan snapshot (JSON).</summary>
    public const string ScanLatest = "scan:latest";

    /// <summary>The Scanner's own status (JSON): symbols tracked, last close processed, lag.</summary>
    public const string ScannerStatus = "scanner:status";

    /// <summary>The engine state as the Executor last published it (JSON).</summary>
    public const string EngineState = "engine:state";

    /// <summary>Marker that a closed candle of a symbol/interval was evaluated, so a restarted scanner does not emit again.</summary>
    public static string EvaluatedCandle(string symbol, string interval, DateTimeOffset openTime) =>
        $"scanner:evaluated:{symbol}:{interval}:{openTime.ToUnixTimeMilliseconds()}";

    /// <summary>Pub/sub channel that says "a stream has new entries", so consumers wake without polling.</summary>
    public static string StreamNotification(string stream) => $"notify:{stream}";
}
