using System.Text.Json.Nodes;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests.Presets;

public class PresetLoaderTests
{
    [Fact]
    public void Load_ValidPreset_ReturnsTypedPresetWithoutErrors()
    {
        var result = PresetFixtures.Load(PresetFixtures.ValidPreset());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(PresetFixtures.BaseName, result.Preset!.Name);
        Assert.Equal(0.01m, result.Preset.Risk.RiskPerTrade);
        Assert.Equal(3, result.Preset.Risk.MaxConcurrentPositions);
        Assert.Null(result.Preset.LiquidityFilters.MinOiUsd);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_ReportsKeyAtItsPath()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["leverage"] = 10;

        var result = PresetFixtures.Load(preset);

        Assert.False(result.IsValid);
        Assert.Null(result.Preset);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.leverage", error.Path);
        Assert.Contains("unknown key 'leverage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledNestedKey_SuggestsTheKnownKey()
    {
        var preset = PresetFixtures.ValidPreset();
        var risk = preset["risk"]!.AsObject();
        risk.Remove("risk_per_trade");
        risk["risk_per_trad"] = 0.01m;

        var result = PresetFixtures.Load(preset);

        Assert.Equal(["$.risk.risk_per_trade", "$.risk.risk_per_trad"], PresetFixtures.ErrorPaths(result));
        Assert.Contains("required key is missing", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'risk_per_trade'?", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StringWhereNumberExpected_ReportsExpectedAndActualType()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["max_concurrent_positions"] = "3";

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk.max_concurrent_positions", error.Path);
        Assert.Equal("expected a whole number in [1, 10] (open positions), got string \"3\"", error.Message);
    }

    [Fact]
    public void Load_FractionWhereWholeNumberExpected_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["levels_rules"]!["min_touches"] = 2.5m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.levels_rules.min_touches", error.Path);
        Assert.Contains("whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WholeNumberWrittenWithDecimalPoint_IsAccepted()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["levels_rules"]!["min_touches"] = 4.0m;

        var result = PresetFixtures.Load(preset);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(4, result.Preset!.LevelsRules.MinTouches);
    }

    [Fact]
    public void Load_ObjectWhereBooleanExpected_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["execution_config"]!["enable_twap"] = new JsonObject();

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.execution_config.enable_twap", error.Path);
        Assert.Equal("expected true or false, got an object", error.Message);
    }

    [Theory]
    [InlineData("risk", "risk_per_trade", "0.2", "in (0, 0.05]", "fraction of account equity")]
    [InlineData("risk", "correlation_limit", "1.5", "in [0, 1]", "absolute Pearson correlation")]
    [InlineData("liquidity_filters", "max_spread_bps", "0", "in (0, 1000]", "basis points")]
    [InlineData("volatility_filters", "bb_width_percentile_max", "0.8", "in [1, 100]", "percentile rank")]
    [InlineData("signal_config", "l2_imbalance_threshold", "2.0", "in [0, 1)", "order-book imbalance")]
    [InlineData("signal_config", "retest_pierce_tolerance", "0.3", "in [0, 0.01]", "fraction of the level price")]
    [InlineData("execution_config", "iceberg_min_notional", "0", "> 0", "USD notional")]
    [InlineData("density_config", "bucket_ticks", "0", "in [1, 1000]", "price ticks")]
    public void Load_OutOfRangeValue_ReportsPathRangeAndUnit(string section, string key, string value, string range, string unit)
    {
        var preset = PresetFixtures.ValidPreset();
        preset[section]![key] = JsonNode.Parse(value);

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"$.{section}.{key}", error.Path);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
        Assert.Contains(unit, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"got {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSection_ReportsOneErrorForTheSection()
    {
        var preset = PresetFixtures.ValidPreset();
        preset.Remove("density_config");

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.density_config", error.Path);
        Assert.Contains("required key is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullForRequiredField_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["daily_risk_limit"] = null;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk.daily_risk_limit", error.Path);
        Assert.StartsWith("must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullForOptionalField_IsAccepted()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["max_position_size_usd"] = null;

        var result = PresetFixtures.Load(preset);

        Assert.True(result.IsValid);
        Assert.Null(result.Preset!.Risk.MaxPositionSizeUsd);
    }

    [Fact]
    public void Load_UnknownStrategyPriority_ListsAllowedValues()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["strategy_priority"] = "breakout_retest";

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.strategy_priority", error.Path);
        Assert.Equal("expected one of: momentum, retest; got string \"breakout_retest\"", error.Message);
    }

    [Fact]
    public void Load_NameDiffersFromFileName_ReportsNamePath()
    {
        var preset = PresetFixtures.ValidPreset();

        var result = PresetLoader.Load(preset.ToJsonString(), "my_copy.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.name", error.Path);
        Assert.Contains("'video_strategy_conservative' does not match the file name 'my_copy.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NameWithSpaces_IsRejectedAsInvalidName()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["name"] = "My Preset";

        var error = Assert.Single(PresetLoader.Load(preset.ToJsonString(), "My Preset.json").Errors);

        Assert.Equal("$.name", error.Path);
        Assert.Contains("not a valid preset name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("video_strategy_conservative")]
    [InlineData("video_strategy_conservative.json")]
    [InlineData("/some/dir/video_strategy_conservative.json")]
    public void Load_FileNameWithOrWithoutDirectoryAndExtension_MatchesName(string fileName)
    {
        var result = PresetLoader.Load(PresetFixtures.ValidPreset().ToJsonString(), fileName);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(fileName, result.FileName);
    }

    [Fact]
    public void Load_MalformedJson_ReportsOneErrorWithLineAndPosition()
    {
        const string Json = "{\n  \"name\": \"x\",\n  \"risk\": {\n    \"risk_per_trade\": 0.01,\n  }\n}";

        var result = PresetLoader.Load(Json, "x.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("malformed JSON at line 5, position 3:", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Preset);
    }

    [Fact]
    public void Load_CommentInJson_IsMalformed()
    {
        var result = PresetLoader.Load("// note\n{}", "x.json");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed JSON at line 1, position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ArrayAtRoot_ReportsExpectedObject()
    {
        var error = Assert.Single(PresetLoader.Load("[1, 2]", "x.json").Errors);

        Assert.Equal("$", error.Path);
        Assert.Equal("expected a JSON object with the preset's sections, got an array", error.Message);
    }

    [Fact]
    public void Load_DuplicateKey_IsReportedAtItsPath()
    {
        var text = PresetFixtures.ValidPreset().ToJsonString()
            .Replace("\"risk\":{", "\"risk\":{\"max_concurrent_positions\":9,", StringComparison.Ordinal);

        var error = Assert.Single(PresetLoader.Load(text, PresetFixtures.BaseName).Errors);

        Assert.Equal("$.risk.max_concurrent_positions", error.Path);
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThreeIndependentProblems_ReportsAllThreeInDocumentOrder()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["max_concurrent_positions"] = 0;
        preset["position_config"]!["tp_levels"]![1]!["size_pct"] = 25;
        preset["execution_config"]!["post_only"] = true;

        var result = PresetFixtures.Load(preset);

        Assert.False(result.IsValid);
        Assert.Equal(
            ["$.risk.max_concurrent_positions", "$.position_config.tp_levels[1].size_pct", "$.execution_config.post_only"],
            PresetFixtures.ErrorPaths(result));
    }

    [Fact]
    public void Load_EveryTopLevelSectionMissing_ReportsEachRequiredKey()
    {
        var result = PresetLoader.Load("{}", "empty.json");

        Assert.Equal(
            [
                "$.name", "$.description", "$.target_markets", "$.strategy_priority", "$.risk", "$.liquidity_filters",
                "$.volatility_filters", "$.signal_config", "$.position_config", "$.scanner_config", "$.execution_config",
                "$.levels_rules", "$.density_config",
            ],
            PresetFixtures.ErrorPaths(result));
    }

    [Fact]
    public void Load_KeyNeedingBrackets_UsesBracketPath()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["max loss"] = 1;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk['max loss']", error.Path);
    }

    [Fact]
    public void Load_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PresetLoader.Load(null!, "x.json"));
        Assert.Throws<ArgumentNullException>(() => PresetLoader.Load("{}", null!));
    }

    [Fact]
    public void LoadFile_MissingFile_ReturnsFileNotFoundError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var result = PresetLoader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Equal("file not found", error.Message);
        Assert.Equal(path, result.FileName);
    }

    [Fact]
    public void LoadDirectory_MixedFiles_ReturnsOneResultPerJsonFileInNameOrder()
    {
        var directory = Directory.CreateTempSubdirectory("presets-");
        try
        {
            var valid = PresetFixtures.ValidPreset();
            File.WriteAllText(Path.Combine(directory.FullName, PresetFixtures.BaseName + ".json"), valid.ToJsonString());
            File.WriteAllText(Path.Combine(directory.FullName, "broken.json"), "{");
            File.WriteAllText(Path.Combine(directory.FullName, "README.md"), "not a preset");

            var results = PresetLoader.LoadDirectory(directory.FullName);

            Assert.Collection(
                results,
                broken =>
                {
                    Assert.EndsWith("broken.json", broken.FileName, StringComparison.Ordinal);
                    Assert.False(broken.IsValid);
                },
                ok =>
                {
                    Assert.EndsWith(PresetFixtures.BaseName + ".json", ok.FileName, StringComparison.Ordinal);
                    Assert.True(ok.IsValid);
                });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_MissingDirectory_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}");

        Assert.Throws<DirectoryNotFoundException>(() => PresetLoader.LoadDirectory(path));
    }

    [Fact]
    public void PresetError_ToString_IsPathColonMessage()
    {
        Assert.Equal("$.risk: boom", new PresetError("$.risk", "boom").ToString());
    }
}
