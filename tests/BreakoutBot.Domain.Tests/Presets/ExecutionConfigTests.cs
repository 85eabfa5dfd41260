namespace BreakoutBot.Domain.Tests.Presets;

public class ExecutionConfigTests
{
    [Fact]
    public void Load_DeadmanShorterThanMinimumTwap_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        var execution = preset["execution_config"]!;
        execution["enable_twap"] = true;
        execution["twap_min_slices"] = 5;
        execution["twap_interval_seconds"] = 3.5m;
        execution["deadman_timeout_ms"] = 9000;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.execution_config.deadman_timeout_ms", error.Path);
        Assert.Contains("= 14000 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShortDeadmanWithTwapOff_IsAccepted()
    {
        var preset = PresetFixtures.ValidPreset();
        var execution = preset["execution_config"]!;
        execution["enable_twap"] = false;
        execution["twap_min_slices"] = 5;
        execution["deadman_timeout_ms"] = 1000;

        Assert.True(PresetFixtures.Load(preset).IsValid);
    }

    [Fact]
    public void Load_MaxSlicesBelowMinSlices_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["execution_config"]!["twap_max_slices"] = 2;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.execution_config.twap_max_slices", error.Path);
    }

    [Theory]
    [InlineData("twap_enabled", "use enable_twap")]
    [InlineData("use_limit_orders", "use enable_iceberg")]
    [InlineData("limit_timeout_seconds", "deadman_timeout_ms")]
    public void Load_VideoPresetExecutionKey_PointsToReplacement(string key, string hint)
    {
        var preset = PresetFixtures.ValidPreset();
        preset["execution_config"]![key] = true;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal($"$.execution_config.{key}", error.Path);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
