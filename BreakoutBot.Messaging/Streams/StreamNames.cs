namespace BreakoutBot.Messaging.Streams;

/// <summary>The Redis streams of the system (see docs/ARCHITECTURE.md, "Processes": the streams).</summary>
public static class StreamNames
{
    /// <summary>Scanner → Executor: <see cref="Messages.SignalDetected"/>.</summary>
    public const string Signals = "signals";

    /// <summary>Executor (and Scanner status) → Api: orders, fills, positions, trades, engine state, acknowledgements.</summary>
    public const string TradingEvents = "trading-events";

    /// <summary>Api → Executor and Scanner: <see cref="Messages.EngineCommand"/>.</summary>
    public const string Commands = "commands";
}
