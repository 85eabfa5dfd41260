namespace BreakoutBot.Data.Engine;

/// <summary>One run of the engine from start to stop, with what it traded under.</summary>
public sealed class EngineSessionRecord : IModeScoped
{
    public long Id { get; set; }

    /// <inheritdoc/>
    public required string Mode { get; set; }

    public required string PresetName { get; set; }

    public int PresetVersion { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public decimal StartingEquity { get; set; }

    public decimal? EndingEquity { get; set; }

    public string? StopReason { get; set; }
}
