using System.Text.Json.Nodes;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Presets;

public class PositionConfigTests
{
    private const string Ladder = "$.position_config.tp_levels";

    [Fact]
    public void Load_SizesAddUpToMoreThanOriginalQuantity_ReportsLadderPath()
    {
        var preset = WithLadder((1.0m, 0.5m), (2.0m, 0.4m), (3.0m, 0.2m));

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal(Ladder, error.Path);
        Assert.Contains("add up to 1.1 of the original quantity (110 %)", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 (100 %)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SizesAddUpToExactlyOne_IsValid()
    {
        var preset = WithLadder((1.0m, 0.3m), (2.0m, 0.3m), (3.0m, 0.4m));

        var result = PresetFixtures.Load(preset);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(3, result.Preset!.PositionConfig.TpLevels.Count);
    }

    [Fact]
    public void Load_RewardMultipleNotIncreasing_ReportsTheOffendingLevel()
    {
        var preset = WithLadder((1.0m, 0.2m), (2.5m, 0.2m), (2.0m, 0.2m));

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"{Ladder}[2].reward_multiple", error.Path);
        Assert.Contains("previous level's reward_multiple (2.5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EqualRewardMultiples_AreRejected()
    {
        var preset = WithLadder((1.5m, 0.2m), (1.5m, 0.2m));

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"{Ladder}[1].reward_multiple", error.Path);
    }

    [Fact]
    public void Load_SevenLevels_ReportsTooManyLevels()
    {
        var preset = WithLadder([.. Enumerable.Range(1, 7).Select(i => ((decimal)i, 0.1m))]);

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal(Ladder, error.Path);
        Assert.Equal("has 7 items; expected 1 to 6 take-profit levels", error.Message);
    }

    [Fact]
    public void Load_EmptyLadder_IsRejected()
    {
        var error = Assert.Single(PresetFixtures.Load(WithLadder()).Errors);

        Assert.Equal(Ladder, error.Path);
    }

    [Fact]
    public void Load_SizeWrittenAsPercent_ExplainsFractionUnit()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]!["tp_levels"]![2]!["size_pct"] = 25;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"{Ladder}[2].size_pct", error.Path);
        Assert.Contains("fraction of the position's original quantity, 0.25 = 25 %", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateLevelNames_AreRejected()
    {
        var preset = WithLadder((1.0m, 0.2m), (2.0m, 0.2m));
        preset["position_config"]!["tp_levels"]![1]!["level_name"] = "TP1";

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"{Ladder}[1].level_name", error.Path);
    }

    [Fact]
    public void Load_UnknownPlacementMode_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]!["tp_levels"]![0]!["placement_mode"] = "clever";

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"{Ladder}[0].placement_mode", error.Path);
        Assert.Contains("fixed, smart, adaptive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SmartLevelsWithSmartPlacementDisabled_ReportsEachSmartLevel()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]!["tp_smart_placement"]!["enabled"] = false;

        var result = PresetFixtures.Load(preset);

        Assert.Equal(
            [$"{Ladder}[0].placement_mode", $"{Ladder}[1].placement_mode", $"{Ladder}[2].placement_mode", $"{Ladder}[3].placement_mode"],
            PresetFixtures.ErrorPaths(result));
    }

    [Fact]
    public void Load_AddOnEnabledWithZeroSize_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]!["add_on_enabled"] = true;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.position_config.add_on_max_size_pct", error.Path);
    }

    [Theory]
    [InlineData("tp1_r")]
    [InlineData("tp2_size_pct")]
    public void Load_LegacyTakeProfitKey_PointsToTpLevels(string key)
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]![key] = 1.5m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"$.position_config.{key}", error.Path);
        Assert.Contains("position_config.tp_levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimeStopAfterMaxHoldTime_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["position_config"]!["exit_rules"]!["time_stop_minutes"] = 24 * 60;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.position_config.exit_rules.time_stop_minutes", error.Path);
        Assert.Contains("can never fire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnyLadderOfIncreasingRWithSizesUpToOne_IsValid()
    {
        LadderGen(sizesWithinOne: true).Sample(ladder =>
        {
            var result = PresetFixtures.Load(WithLadder(ladder));

            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            Assert.Equal(ladder.Select(level => level.Size), result.Preset!.PositionConfig.TpLevels.Select(level => level.SizePct));
        });
    }

    [Fact]
    public void Load_AnyLadderWithSizesAboveOne_ReportsExactlyTheSumError()
    {
        LadderGen(sizesWithinOne: false).Sample(ladder =>
        {
            var result = PresetFixtures.Load(WithLadder(ladder));

            var error = Assert.Single(result.Errors);
            Assert.Equal(Ladder, error.Path);
            Assert.Contains("at most 1 (100 %)", error.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>1-6 levels with strictly increasing R; sizes in hundredths either summing to at most 1 (each at most 1/count) or above 1.</summary>
    private static Gen<(decimal R, decimal Size)[]> LadderGen(bool sizesWithinOne) =>
        Gen.Int[sizesWithinOne ? 1 : 2, 6].SelectMany(count =>
            Gen.Select(
                Gen.Int[1, 300].Array[count],
                sizesWithinOne
                    ? Gen.Int[1, 100 / count].Array[count]
                    : Gen.Int[1, 100].Array[count].Where(sizes => sizes.Sum() > 100),
                (steps, sizes) =>
                {
                    var rewardHundredths = 0;
                    return steps.Zip(sizes, (step, size) =>
                    {
                        rewardHundredths += step;
                        return (rewardHundredths / 100m, size / 100m);
                    }).ToArray();
                }));

    private static JsonObject WithLadder(params (decimal R, decimal Size)[] levels)
    {
        var preset = PresetFixtures.ValidPreset();
        var ladder = new JsonArray();
        for (var i = 0; i < levels.Length; i++)
        {
            ladder.Add(new JsonObject
            {
                ["level_name"] = $"TP{i + 1}",
                ["reward_multiple"] = levels[i].R,
                ["size_pct"] = levels[i].Size,
                ["placement_mode"] = "fixed",
            });
        }

        preset["position_config"]!["tp_levels"] = ladder;
        return preset;
    }
}
