namespace BreakoutBot.Data.Engine;

/// <summary>The engine's persisted state (one row per account): it survives restarts.</summary>
public sealed class EngineStateRecord
{
    public required string Account { get; set; }

    /// <summary>Stopped, Starting, Running, Paused, Stopping or Emergency.</summary>
    public required string State { get; set; }

    public required string Mode { get; set; }

    public string? PresetName { get; set; }

    public int? PresetVersion { get; set; }

    public long? SessionId { get; set; }

    public DateTimeOffset Since { get; set; }

    public string? Reason { get; set; }
}
