using System.Text.Json;

namespace BreakoutBot.Contracts.Presets;

/// <summary>One difference: a JSON path and the value on each side (null when the side lacks the path).</summary>
public sealed record PresetChange(string Path, JsonElement? Shipped, JsonElement? Current);
