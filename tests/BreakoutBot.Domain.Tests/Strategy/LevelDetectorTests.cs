using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

public sealed class LevelDetectorTests
{
    /// <summary>Tolerance 0.15 % of price only (no ATR part) and no separation, so each test controls what merges.</summary>
    private static LevelDetectionRules ExactRules(int minTouches = 3) => new()
    {
        MinTouches = minTouches,
        ToleranceFraction = 0.0015m,
        ToleranceAtr = 0m,
        MinSeparationAtr = 0m,
    };

    /// <summary>40 flat bars (98.9-99.3) with the given bars reaching up to the given highs.</summary>
    private static List<Candle> FlatWithSpikes(params (int Index, decimal High)[] spikes)
    {
        var candles = new List<Candle>();
        for (var i = 0; i < 40; i++)
        {
            var spike = spikes.Where(spike => spike.Index == i).Select(spike => (decimal?)spike.High).FirstOrDefault();
            candles.Add(Bar(i, 99.0m, spike ?? 99.3m, 98.9m, 99.2m));
        }

        return candles;
    }

    private static HorizontalLevel[] Near(IReadOnlyList<HorizontalLevel> levels, decimal price) =>
        [.. levels.Where(level => Math.Abs(level.Price - price) <= 0.2m)];

    [Fact]
    public void Detect_ThreeTouchesWithinTolerance_MergeIntoOneLevel()
    {
        var candles = FlatWithSpikes((5, 100.00m), (15, 100.10m), (25, 99.95m));

        var levels = LevelDetector.Detect(candles, ExactRules());

        var level = Assert.Single(Near(levels, 100m));
        Assert.InRange(level.Price, 99.95m, 100.10m);
        Assert.Equal(3, level.Touches);
        Assert.Equal(candles[5].OpenTime, level.FirstTouchTime);
        Assert.Equal(candles[25].OpenTime, level.LastTouchTime);
        Assert.InRange(level.Strength, 0.0, 1.0);
    }

    [Fact]
    public void Detect_TwoTouchesWhenThreeRequired_KeepsNoLevel()
    {
        var candles = FlatWithSpikes((5, 100.00m), (25, 100.05m));

        Assert.Empty(Near(LevelDetector.Detect(candles, ExactRules(minTouches: 3)), 100m));
        Assert.Single(Near(LevelDetector.Detect(candles, ExactRules(minTouches: 2)), 100m));
    }

    [Fact]
    public void Detect_HighsFartherApartThanTolerance_StayTwoLevels()
    {
        var candles = FlatWithSpikes((5, 100.0m), (10, 100.0m), (15, 100.0m), (20, 101.0m), (25, 101.0m), (30, 101.0m));

        var levels = LevelDetector.Detect(candles, ExactRules());

        Assert.Single(Near(levels, 100m));
        Assert.Single(Near(levels, 101m));
    }

    [Fact]
    public void Detect_LevelsCloserThanMinSeparation_KeepsTheStrongerOne()
    {
        var candles = FlatWithSpikes((3, 100.0m), (6, 100.0m), (9, 100.0m), (12, 100.0m), (20, 100.5m), (25, 100.5m), (30, 100.5m));

        var bars = candles.Select(c => new Ohlcv((double)c.Open, (double)c.High, (double)c.Low, (double)c.Close, (double)c.Volume)).ToArray();
        var atr = (decimal)AverageTrueRange.Calculate(bars)["atr"][^1];

        // 0.6 USDT apart: 100.5 (three touches) is too close to 100 (four touches), and 100 is far enough from the rest.
        var separated = LevelDetector.Detect(candles, ExactRules() with { MinSeparationAtr = 0.6m / atr });
        var unseparated = LevelDetector.Detect(candles, ExactRules());

        Assert.Equal(4, Assert.Single(Near(separated, 100m)).Touches);
        Assert.Empty(Near(separated, 100.5m));
        Assert.Single(Near(unseparated, 100.5m));
        Assert.All(separated, level => Assert.All(separated.Where(other => other != level), other => Assert.True(Math.Abs(other.Price - level.Price) >= 0.6m)));
    }

    [Fact]
    public void Detect_OpenCandle_DoesNotCountAsTouch()
    {
        var candles = FlatWithSpikes((5, 100.00m), (15, 100.05m));
        candles.Add(Bar(40, 99.2m, 100.02m, 99.1m, 99.9m, closed: false));

        Assert.Empty(Near(LevelDetector.Detect(candles, ExactRules()), 100m));
    }

    [Fact]
    public void Detect_ShortHistory_FindsNothing()
    {
        var candles = FlatWithSpikes((5, 100.00m), (10, 100.00m), (15, 100.00m)).Take(19).ToList();

        Assert.Empty(LevelDetector.Detect(candles, ExactRules()));
    }

    [Fact]
    public void Detect_PresetRulesOnConsolidation_FindsTheRangeEdges()
    {
        var rules = LevelDetectionRules.FromPreset(PresetLevelsRules());

        var levels = LevelDetector.Detect(ConsolidationBelow(40), rules);

        Assert.Equal(3, rules.MinTouches);
        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.True(level.Touches >= rules.MinTouches));
        Assert.Equal(levels.OrderBy(level => level.Price), levels);
    }

    [Fact]
    public void RoleAt_PriceCrossesTheLevel_LabelFlips()
    {
        var level = Assert.Single(Near(LevelDetector.Detect(FlatWithSpikes((5, 100.00m), (15, 100.10m), (25, 99.95m)), ExactRules()), 100m));

        Assert.Equal(LevelRole.Resistance, level.RoleAt(99.2m));
        Assert.Equal(LevelRole.Support, level.RoleAt(100.8m));
        Assert.Equal(LevelRole.Resistance, level.RoleAt(99.5m));
    }
}
