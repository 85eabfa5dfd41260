namespace BreakoutBot.Executor.Engine;

/// <summary>Where the engine is. Only <see cref="Running"/> opens new positions; open positions are managed in every state.</summary>
public enum EngineState
{
    /// <summary>Not trading; positions that are still open stay protected and managed.</summary>
    Stopped,

    /// <summary>Loading the preset and reconciling with the venue before trading.</summary>
    Starting,

    /// <summary>Taking signals.</summary>
    Running,

    /// <summary>Signals are ignored until resumed.</summary>
    Paused,

    /// <summary>Cancelling entries in flight on the way to <see cref="Stopped"/>.</summary>
    Stopping,

    /// <summary>The kill switch tripped: no entries until an operator resets it (then <see cref="Stopped"/>).</summary>
    Emergency,
}
