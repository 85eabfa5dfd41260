namespace BreakoutBot.Contracts.Presets;

/// <summary>One stored preset version without its document.</summary>
/// <param name="Shipped">True when a preset of this name ships with the product.</param>
/// <param name="Backtest">The newest succeeded backtest of exactly this version (<c>/api/backtests/{id}</c>), or null: a
/// version without one has never been tried on data (the console says so before it is started).</param>
public sealed record PresetSummary(string Name, int Version, string? Description, DateTimeOffset CreatedAt, string CreatedBy, string? Comment, bool Shipped, Guid? Backtest = null);
