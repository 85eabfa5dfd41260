using System.Text.Json;

namespace BreakoutBot.Contracts.Presets;

/// <summary>Body of <c>POST /api/presets/validate</c>: check a document without storing it.</summary>
public sealed record ValidatePresetRequest(string Name, JsonElement Document);
