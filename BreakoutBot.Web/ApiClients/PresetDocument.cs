using System.Text.Json;

namespace BreakoutBot.Web.ApiClients;

/// <summary>One stored preset version with its JSON document.</summary>
public sealed record PresetDocument(string Name, int Version, DateTimeOffset CreatedAt, string CreatedBy, string? Comment, JsonElement Document);
