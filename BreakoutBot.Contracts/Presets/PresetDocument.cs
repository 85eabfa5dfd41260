using System.Text.Json;

namespace BreakoutBot.Contracts.Presets;

/// <summary>One stored preset version with its document.</summary>
public sealed record PresetDocument(string Name, int Version, DateTimeOffset CreatedAt, string CreatedBy, string? Comment, JsonElement Document);
