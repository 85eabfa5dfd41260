namespace BreakoutBot.Domain.Presets;

/// <summary>The outcome of loading one preset: the preset when it is valid, otherwise every problem found.</summary>
public sealed record PresetLoadResult
{
    /// <summary>The file name (or path) the preset was loaded from, as given to the loader.</summary>
    public required string FileName { get; init; }

    /// <summary>The preset; null whenever <see cref="Errors"/> is not empty.</summary>
    public TradingPreset? Preset { get; init; }

    /// <summary>All problems found, in document order where possible; empty when the preset is valid.</summary>
    public required IReadOnlyList<PresetError> Errors { get; init; }

    public bool IsValid => Preset is not null && Errors.Count == 0;
}
