namespace BreakoutBot.Contracts.Presets;

/// <summary>A stored version compared with a shipped preset (its own shipped version, or the shipped default).</summary>
public sealed record PresetDiff(string Name, int Version, string ComparedWith, IReadOnlyList<PresetChange> Changes);
