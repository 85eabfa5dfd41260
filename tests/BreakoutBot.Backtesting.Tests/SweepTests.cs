using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Sweep;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

public sealed class SweepTests
{
    private static readonly string SimJson = ShippedPresets.All().Single(preset => preset.Name == ShippedPresets.SimulatedMarketName).Json;

    [Fact]
    public void AVariant_SetsTheFields_AndIsLoadedByTheStrictLoader()
    {
        var preset = PresetVariant.Create(SimJson, "sim_breakout",
            [new("risk.risk_per_trade", "0.004"), new("position_config.tp_levels.0.reward_multiple", "1.25"), new("position_config.trailing_enabled", "false")]);

        Assert.Equal(0.004m, preset.Risk.RiskPerTrade);
        Assert.Equal(1.25m, preset.PositionConfig.TpLevels[0].RewardMultiple);
        Assert.False(preset.PositionConfig.TrailingEnabled);
    }

    [Theory]
    [InlineData("risk.risk_per_trad", "0.01", "risk.risk_per_trad: the preset has no field 'risk_per_trad' there")]
    [InlineData("riskk.risk_per_trade", "0.01", "the preset has no field 'riskk' there")]
    [InlineData("position_config.tp_levels.9.reward_multiple", "1", "the preset has no field '9' there")]
    [InlineData("risk.risk_per_trade", "7", "$.risk.risk_per_trade")]
    [InlineData("position_config.trailing_enabled", "maybe", "$.position_config.trailing_enabled")]
    public void AVariantThePresetCannotTake_IsRefusedNamingThePath(string path, string value, string expected)
    {
        var refusal = Assert.Throws<ArgumentException>(() => PresetVariant.Create(SimJson, "sim_breakout", [new(path, value)]));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGrid_IsEveryCombinationInOrder_AndARandomSearchDrawsTheSameOnesForTheSameSeed()
    {
        SweepParameter[] parameters = [SweepParameter.Parse("risk.risk_per_trade=0.005,0.01,0.02"), SweepParameter.Parse("position_config.trailing_enabled=true,false")];

        var grid = SweepCombination.Of(SimJson, "sim_breakout", parameters, sample: null, seed: 1);
        var sampled = SweepCombination.Of(SimJson, "sim_breakout", parameters, sample: 3, seed: 9);
        var again = SweepCombination.Of(SimJson, "sim_breakout", parameters, sample: 3, seed: 9);

        Assert.Equal(6, grid.Count);
        Assert.Equal("risk.risk_per_trade=0.005 position_config.trailing_enabled=true", grid[0].Description);
        Assert.Equal("risk.risk_per_trade=0.02 position_config.trailing_enabled=false", grid[5].Description);
        Assert.Equal([1, 2, 3, 4, 5, 6], grid.Select(combination => combination.Number));
        Assert.Equal(3, sampled.Count);
        Assert.Equal(sampled.Select(combination => combination.Number), again.Select(combination => combination.Number));
        Assert.True(sampled.Select(combination => combination.Number).SequenceEqual(sampled.Select(combination => combination.Number).Order()));
    }

    [Theory]
    [InlineData("risk.risk_per_trade")]
    [InlineData("=0.01")]
    [InlineData("risk.risk_per_trade=")]
    public void AGridParameterWithoutValues_IsRefused(string text)
    {
        Assert.Throws<ArgumentException>(() => SweepParameter.Parse(text));
    }

    [Fact]
    public void MonteCarlo_MaxDrawdownOfAPath_AndItsDistributionOverShuffles()
    {
        // 10,000 → 10,500 → 9,450 (−10 % from 10,500) → 9,450 + 945 = 10,395.
        Assert.Equal(10m, MonteCarloDrawdown.MaxDrawdownPercent([500m, -1_050m, 945m], 10_000m));

        decimal[] pnls = [300m, -200m, -200m, -200m, 500m, 100m, -300m, 250m];
        var (median, p95) = MonteCarloDrawdown.Of(pnls, 10_000m, runs: 2_000, seed: 3);

        // The worst order puts every loss together: 900 from the peak of the gains before them, at most 900 / 10,000.
        Assert.InRange(median, 0m, p95);
        Assert.InRange(p95, 2m, 9m);
        Assert.Equal((median, p95), MonteCarloDrawdown.Of(pnls, 10_000m, runs: 2_000, seed: 3));
        Assert.Equal((0m, 0m), MonteCarloDrawdown.Of([], 10_000m, 100, 1));
    }

    [Fact]
    public void ASweep_RanksByOutOfSampleWithFolds_AndWalksForwardWithTheInSampleBest()
    {
        // Two variants over hand-made bars: a long every 10 bars, the price steps up 1 per bar in the first half and
        // down 1 per bar in the second; a bigger risk makes more in the first half and loses more in the second.
        var bars = Enumerable.Range(0, 200).Select(index =>
        {
            var price = 100m + (index < 100 ? index : 200 - index) * 0.5m;
            return Bars.At(index, price, price + 0.6m, price - 0.6m, price + (index < 100 ? 0.4m : -0.4m));
        }).ToList();
        var signals = new ScriptedSignals([.. Enumerable.Range(1, 19).Select(at => new BreakoutSignal(
            $"s{at}", Bars.Btc.Symbol, PositionDirection.Long, BreakoutStrategy.Momentum, 99m, bars[at * 10].Close, bars[at * 10].Close - 3m, 0.9, Bars.OpenOf(at * 10), ["scripted"]))]);
        var combinations = SweepCombination.Of(SimJson, "sim_breakout", [SweepParameter.Parse("risk.risk_per_trade=0.005,0.02")], null, 1)
            .Select(combination => combination with { Preset = Plain(combination.Preset) })
            .ToList();
        var plan = new SweepPlan(combinations, new BacktestSettings { Preset = combinations[0].Preset, SlippageBps = 0m }, Bars.OpenOf(0), Bars.OpenOf(200), Folds: 2, MonteCarloRuns: 100, Symbols: 1);

        var (ranked, walkForward) = SweepRunner.Run(plan, settings => new BacktestRunner(settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)]), parallelism: 2);

        Assert.Equal(3, SweepRunner.Segments(plan).Count);
        Assert.All(ranked, row => Assert.Equal(2, row.FoldNetPnl.Count));
        Assert.All(ranked, row => Assert.True(row.FoldNetPnl[0] > 0 && row.FoldNetPnl[1] < 0, $"#{row.Combination.Number}: {string.Join(", ", row.FoldNetPnl)}"));
        Assert.Equal([1, 2], ranked.Select(row => row.Combination.Number)); // the smaller risk loses less out of sample
        Assert.True(ranked[0].OutOfSampleNetPnl > ranked[1].OutOfSampleNetPnl);
        var step = Assert.Single(walkForward);
        var inSampleBest = ranked.OrderByDescending(row => row.FoldNetPnl[0]).First();
        Assert.Equal(2, step.ChosenCombination); // the bigger risk made more in sample...
        Assert.Equal(inSampleBest.Combination.Number, step.ChosenCombination);
        Assert.Equal(inSampleBest.FoldNetPnl[1], step.OutOfSampleNetPnl); // ...and lost more after
        Assert.Equal(Bars.OpenOf(100), step.OutOfSampleFrom);
        Assert.Equal(2, step.Fold);
    }

    private static TradingPreset Plain(TradingPreset preset)
    {
        var plain = BacktestRunnerGoldenTests.PlainPreset();
        return plain with { Risk = plain.Risk with { RiskPerTrade = preset.Risk.RiskPerTrade } };
    }
}
