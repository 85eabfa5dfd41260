using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>One rung of the take-profit ladder (<c>position_config.tp_levels[i]</c>).</summary>
public sealed record TakeProfitLevel
{
    /// <summary><c>level_name</c>: a label unique within the ladder, e.g. "TP1".</summary>
    public required string LevelName { get; init; }

    /// <summary><c>reward_multiple</c>: distance from entry in R (the initial stop distance), in (0, 50]; strictly increasing along the ladder.</summary>
    public required decimal RewardMultiple { get; init; }

    /// <summary>
    /// <c>size_pct</c>: quantity closed at this level as a FRACTION of the position's original quantity, in (0, 1]
    /// (0.25 = 25 %, despite the name). The sizes of all levels add up to at most 1; the rest rides the trailing stop.
    /// </summary>
    public required decimal SizePct { get; init; }

    /// <summary><c>placement_mode</c>: <c>fixed</c>, <c>smart</c> or <c>adaptive</c>.</summary>
    public required TakeProfitPlacementMode PlacementMode { get; init; }

    internal static TakeProfitLevel Read(PresetObjectReader json) => new()
    {
        LevelName = json.Text("level_name"),
        RewardMultiple = json.Decimal("reward_multiple", DecimalRange.AboveUpTo(0m, 50m), PresetUnits.RMultiple),
        SizePct = json.Decimal("size_pct", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfOriginalQuantity),
        PlacementMode = json.Choice("placement_mode", PresetChoices.PlacementModes),
    };
}
