using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>What counts as a tradable level (<c>levels_rules</c>); used by the scanner's level detection.</summary>
public sealed record LevelsRules
{
    /// <summary><c>min_touches</c>: touches a level needs to be valid, 2-20.</summary>
    public required int MinTouches { get; init; }

    /// <summary><c>prefer_round_numbers</c>: a level within its touch tolerance of a multiple of a <see cref="RoundStepCandidates"/> step gains strength (up to 0.3), so it is preferred over a nearby plain one.</summary>
    public required bool PreferRoundNumbers { get; init; }

    /// <summary><c>round_step_candidates</c>: price steps (USDT) that count as round, 1-20 positive values in strictly increasing order.</summary>
    public required IReadOnlyList<decimal> RoundStepCandidates { get; init; }

    /// <summary><c>cascade_min_levels</c>: levels within <see cref="CascadeRadiusBps"/> of each other (the level itself included) that form a cascade, whose levels gain strength (0.05 a level, up to 0.2), 2-20.</summary>
    public required int CascadeMinLevels { get; init; }

    /// <summary><c>cascade_radius_bps</c>: radius of a cascade, basis points of the level price in (0, 1000].</summary>
    public required decimal CascadeRadiusBps { get; init; }

    internal static LevelsRules Read(PresetObjectReader json) => new()
    {
        MinTouches = json.Int("min_touches", new IntRange(2, 20), PresetUnits.Touches),
        PreferRoundNumbers = json.Bool("prefer_round_numbers"),
        RoundStepCandidates = ReadRoundSteps(json) ?? [],
        CascadeMinLevels = json.Int("cascade_min_levels", new IntRange(2, 20), PresetUnits.Levels),
        CascadeRadiusBps = json.Decimal("cascade_radius_bps", DecimalRange.AboveUpTo(0m, 1000m), PresetUnits.Bps),
    };

    private static List<decimal>? ReadRoundSteps(PresetObjectReader json)
    {
        var items = json.Array("round_step_candidates", new IntRange(1, 20), "positive price steps");
        if (items is null)
        {
            return null;
        }

        var steps = new List<decimal>(items.Count);
        foreach (var (value, path) in items)
        {
            if (json.DecimalAt(value, path, DecimalRange.Positive, PresetUnits.Price) is not { } step)
            {
                continue;
            }

            if (steps.Count > 0 && step <= steps[^1])
            {
                json.AddErrorAt(path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be greater than the previous step ({steps[^1]}); list the steps in strictly increasing order, got {step}"));
            }

            steps.Add(step);
        }

        return steps;
    }
}
