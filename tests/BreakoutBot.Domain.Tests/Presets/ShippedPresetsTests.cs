using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests.Presets;

public class ShippedPresetsTests
{
    public static TheoryData<string> ShippedNames => [.. PresetFixtures.ShippedNames()];

    [Theory]
    [MemberData(nameof(ShippedNames))]
    public void LoadFile_ShippedPreset_IsValidAndNamedAfterItsFile(string name)
    {
        var result = PresetLoader.LoadFile(Path.Combine(PresetFixtures.ShippedDirectory, name + ".json"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(name, result.Preset!.Name);
    }

    [Fact]
    public void ShippedPresets_EveryOriginal_HasAPortPlusTheSimulatedMarketPreset()
    {
        Assert.Equal(PresetFixtures.OriginalNames(), PresetFixtures.ShippedNames().Where(name => name != "sim_breakout"));
        Assert.Contains("sim_breakout", PresetFixtures.ShippedNames());
    }

    [Fact]
    public void LoadDirectory_ShippedPresets_AllValidInFileNameOrder()
    {
        var results = PresetLoader.LoadDirectory(PresetFixtures.ShippedDirectory);

        Assert.Equal(16, results.Count);
        Assert.All(results, result => Assert.True(result.IsValid, $"{result.FileName}: {string.Join("; ", result.Errors)}"));
        Assert.Equal(
            PresetFixtures.ShippedNames(),
            results.Select(result => PresetLoader.ExpectedName(result.FileName)));
    }

    [Fact]
    public void LoadFile_ConservativeVideoPreset_PortsUnitsAndValues()
    {
        var preset = PresetLoader.LoadFile(Path.Combine(PresetFixtures.ShippedDirectory, "video_strategy_conservative.json")).Preset!;

        Assert.Equal(StrategyPriority.Retest, preset.StrategyPriority);
        Assert.Equal(80m, preset.VolatilityFilters.BbWidthPercentileMax);
        Assert.Equal(0.33m, preset.SignalConfig.L2ImbalanceThreshold);
        Assert.Equal(0.003m, preset.SignalConfig.RetestPierceTolerance);
        Assert.Equal([1.5m, 2.5m, 4.0m, 6.0m], preset.PositionConfig.TpLevels.Select(level => level.RewardMultiple));
        Assert.Equal(1.0m, preset.PositionConfig.TpLevels.Sum(level => level.SizePct));
        Assert.Equal(["BTCUSDT", "ETHUSDT"], preset.ScannerConfig.SymbolWhitelist!);
        Assert.Equal(0.55m, preset.ScannerConfig.ScoreWeights[ScoreComponent.VolSurge]);
        Assert.False(preset.ExecutionConfig.EnableTwap);
        Assert.Equal(2, preset.LevelsRules.MinTouches);
    }

    [Fact]
    public void LoadFile_LegacyPreset_PortsTakeProfitPairAndSymbols()
    {
        var preset = PresetLoader.LoadFile(Path.Combine(PresetFixtures.ShippedDirectory, "scalping_high_freq.json")).Preset!;

        Assert.Collection(
            preset.PositionConfig.TpLevels,
            tp1 => Assert.Equal((0.8m, 0.6m), (tp1.RewardMultiple, tp1.SizePct)),
            tp2 => Assert.Equal((1.5m, 0.4m), (tp2.RewardMultiple, tp2.SizePct)));
        Assert.Contains("BTCUSDT", preset.ScannerConfig.SymbolWhitelist!);
        Assert.All(preset.ScannerConfig.SymbolWhitelist!, symbol => Assert.EndsWith("USDT", symbol, StringComparison.Ordinal));
        Assert.Null(preset.ScannerConfig.SymbolBlacklist);
        Assert.True(preset.ExecutionConfig.IcebergMinNotional > 0m);
    }
}
