namespace BreakoutBot.Contracts.Presets;

/// <summary>One stored preset version without its document.</summary>
/// <param name="Shipped">True when a preset of this name ships with the product.</param>
public sealed record PresetSummary(string Name, int Version, string? Description, DateTimeOffset CreatedAt, string CreatedBy, string? Comment, bool Shipped);
