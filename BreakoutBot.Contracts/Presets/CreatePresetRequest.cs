using System.Text.Json;

namespace BreakoutBot.Contracts.Presets;

/// <summary>Body of <c>POST /api/presets</c>: a new preset (version 1). <paramref name="Document"/> is the preset JSON, whose <c>name</c> must equal <paramref name="Name"/>.</summary>
public sealed record CreatePresetRequest(string Name, JsonElement Document, string? Comment = null);
