using System.Text.Json;

namespace BreakoutBot.Contracts.Presets;

/// <summary>Body of <c>PUT /api/presets/{name}</c>: the next version's document.</summary>
public sealed record UpdatePresetRequest(JsonElement Document, string? Comment = null);
