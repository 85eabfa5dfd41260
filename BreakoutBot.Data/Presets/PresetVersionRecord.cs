namespace BreakoutBot.Data.Presets;

/// <summary>One immutable version of a preset: every change is a new row, the engine keeps the version it started with.</summary>
public sealed class PresetVersionRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    /// <summary>The preset document (validated before it is stored).</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public string? Comment { get; set; }
}
