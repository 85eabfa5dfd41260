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

    /// <summary>Pub/sub channel that says "a stream has new entries", so consumers wake without polling.</summary>
    public static string StreamNotification(string stream) => $"notify:{stream}";
}
