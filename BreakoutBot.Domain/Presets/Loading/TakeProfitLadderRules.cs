using System.Globalization;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>Checks that span the whole take-profit ladder rather than one level.</summary>
internal static class TakeProfitLadderRules
{
    public const int MinLevels = 1;
    public const int MaxLevels = 6;

    public static void Check(PresetObjectReader json, string ladderKey, IReadOnlyList<TakeProfitLevel> levels)
    {
        var ladderPath = json.PathOf(ladderKey);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < levels.Count; i++)
        {
            var levelPath = JsonPaths.Index(ladderPath, i);
            if (!names.Add(levels[i].LevelName))
            {
                json.AddErrorAt(JsonPaths.Property(levelPath, "level_name"), $"duplicate level name '{levels[i].LevelName}'; names must be unique");
            }

            if (i > 0 && levels[i].RewardMultiple <= levels[i - 1].RewardMultiple)
            {
                json.AddErrorAt(JsonPaths.Property(levelPath, "reward_multiple"), string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be greater than the previous level's reward_multiple ({levels[i - 1].RewardMultiple}); levels must be in strictly increasing R, got {levels[i].RewardMultiple}"));
            }
        }

        var total = levels.Sum(level => level.SizePct);
        if (total > 1m)
        {
            json.AddErrorAt(ladderPath, string.Create(
                CultureInfo.InvariantCulture,
                $"the size_pct values add up to {total} of the original quantity ({total * 100m:0.##} %); the total must be at most 1 (100 %)"));
        }
    }
}
