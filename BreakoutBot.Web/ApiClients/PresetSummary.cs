namespace BreakoutBot.Web.ApiClients;

/// <summary>One stored preset version without its document.</summary>
public sealed record PresetSummary(string Name, int Version, string? Description, DateTimeOffset CreatedAt, string CreatedBy, string? Comment, bool Shipped);
