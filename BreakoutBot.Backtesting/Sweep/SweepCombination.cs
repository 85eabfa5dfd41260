using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Backtesting.Sweep;

/// <summary>One point of a sweep: its number (1-based, in grid order), the values it sets, and the valid preset they make.</summary>
public sealed record SweepCombination(int Number, IReadOnlyList<KeyValuePair<string, string>> Assignments, TradingPreset Preset)
{
    public string Description => PresetVariant.Describe(Assignments);

    /// <summary>
    /// Every combination of the parameters' values (the grid), or <paramref name="sample"/> of them drawn without
    /// replacement with <paramref name="seed"/> (a random search); numbered in grid order either way.
    /// </summary>
    /// <exception cref="ArgumentException">A path the preset lacks, or a combination the preset loader refuses.</exception>
    public static IReadOnlyList<SweepCombination> Of(string baseJson, string presetName, IReadOnlyList<SweepParameter> parameters, int? sample, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> grid = [[]];
        foreach (var parameter in parameters)
        {
            grid = grid.SelectMany(prefix => parameter.Values.Select(value => (IReadOnlyList<KeyValuePair<string, string>>)[.. prefix, new(parameter.Path, value)]));
        }

        var all = grid.Select((assignments, index) => (Number: index + 1, Assignments: assignments)).ToList();
        if (sample is { } count && count < all.Count)
        {
            var random = new Random(seed);
            var picked = all.ToArray();
            random.Shuffle(picked);
            all = [.. picked.Take(count).OrderBy(combination => combination.Number)];
        }

        return [.. all.Select(combination => new SweepCombination(combination.Number, combination.Assignments, PresetVariant.Create(baseJson, presetName, combination.Assignments)))];
    }
}
