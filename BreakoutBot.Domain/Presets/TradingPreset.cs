using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>
/// A complete trading configuration: what to scan, when to enter, how much to risk, how to execute and how to
/// manage the position. One JSON file per preset, named after <see cref="Name"/>; load it with
/// <see cref="PresetLoader"/>. Every section and every non-nullable field is required, so a preset says
/// everything it does: no defaults hide in code.
/// </summary>
public sealed record TradingPreset
{
    /// <summary><c>name</c>: lower-case letters, digits, '_' or '-', 1-64 characters; equals the file name without <c>.json</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>description</c>: what the preset is for.</summary>
    public required string Description { get; init; }

    /// <summary><c>target_markets</c>: free text describing the markets the preset is meant for.</summary>
    public required string TargetMarkets { get; init; }

    /// <summary><c>strategy_priority</c>: <c>momentum</c> or <c>retest</c>.</summary>
    public required StrategyPriority StrategyPriority { get; init; }

    /// <summary><c>risk</c>.</summary>
    public required RiskConfig Risk { get; init; }

    /// <summary><c>liquidity_filters</c>.</summary>
    public required LiquidityFilters LiquidityFilters { get; init; }

    /// <summary><c>volatility_filters</c>.</summary>
    public required VolatilityFilters VolatilityFilters { get; init; }

    /// <summary><c>signal_config</c>.</summary>
    public required SignalConfig SignalConfig { get; init; }

    /// <summary><c>position_config</c>.</summary>
    public required PositionConfig PositionConfig { get; init; }

    /// <summary><c>scanner_config</c>.</summary>
    public required ScannerConfig ScannerConfig { get; init; }

    /// <summary><c>execution_config</c>.</summary>
    public required ExecutionConfig ExecutionConfig { get; init; }

    /// <summary><c>levels_rules</c>.</summary>
    public required LevelsRules LevelsRules { get; init; }

    /// <summary><c>density_config</c>.</summary>
    public required DensityConfig DensityConfig { get; init; }

    internal const int MaxNameLength = 64;

    // Sections are read in the order of the original files so that errors come out roughly in document order.
    internal static TradingPreset Read(PresetObjectReader json, string expectedName) => new()
    {
        Name = ReadName(json, expectedName),
        Description = json.Text("description"),
        TargetMarkets = json.Text("target_markets"),
        StrategyPriority = json.Choice("strategy_priority", PresetChoices.StrategyPriorities),
        Risk = json.Section("risk", RiskConfig.Read)!,
        LiquidityFilters = json.Section("liquidity_filters", Presets.LiquidityFilters.Read)!,
        VolatilityFilters = json.Section("volatility_filters", Presets.VolatilityFilters.Read)!,
        SignalConfig = json.Section("signal_config", Presets.SignalConfig.Read)!,
        PositionConfig = json.Section("position_config", Presets.PositionConfig.Read)!,
        ScannerConfig = json.Section("scanner_config", Presets.ScannerConfig.Read)!,
        ExecutionConfig = json.Section("execution_config", Presets.ExecutionConfig.Read)!,
        LevelsRules = json.Section("levels_rules", Presets.LevelsRules.Read)!,
        DensityConfig = json.Section("density_config", Presets.DensityConfig.Read)!,
    };

    internal static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength &&
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    private static string ReadName(PresetObjectReader json, string expectedName)
    {
        var name = json.Text("name");
        if (name.Length == 0)
        {
            return name;
        }

        if (!IsValidName(name))
        {
            json.AddError("name", $"'{name}' is not a valid preset name; use 1-{MaxNameLength} lower-case letters, digits, '_' or '-'");
        }
        else if (!string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            // The original engine loaded presets by file name but reported the inner name, so one file could
            // masquerade as another (breakout_v1.json said "breakout_v1_working").
            json.AddError("name", $"'{name}' does not match the file name '{expectedName}.json'; name must equal the file name without .json");
        }

        return name;
    }
}
