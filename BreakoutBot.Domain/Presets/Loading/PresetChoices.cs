namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>The JSON spellings of the preset enums.</summary>
internal static class PresetChoices
{
    public static IReadOnlyList<KeyValuePair<string, StrategyPriority>> StrategyPriorities { get; } =
    [
        new("momentum", StrategyPriority.Momentum),
        new("retest", StrategyPriority.Retest),
    ];

    public static IReadOnlyList<KeyValuePair<string, StopLossMode>> StopLossModes { get; } =
    [
        new("fixed", StopLossMode.Fixed),
        new("chandelier", StopLossMode.Chandelier),
        new("atr", StopLossMode.Atr),
    ];

    public static IReadOnlyList<KeyValuePair<string, TakeProfitPlacementMode>> PlacementModes { get; } =
    [
        new("fixed", TakeProfitPlacementMode.Fixed),
        new("smart", TakeProfitPlacementMode.Smart),
        new("adaptive", TakeProfitPlacementMode.Adaptive),
    ];
}
