using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

/// <summary>
/// <c>levels_rules.prefer_round_numbers</c> / <c>round_step_candidates</c> and <c>cascade_min_levels</c> /
/// <c>cascade_radius_bps</c>, on 40 bars ranging 99.37-100.00 (ATR 0.63, touch tolerance 0.315): a resistance at the
/// round 100 and a support at 99.37, equally touched, closer than the 2 ATR that keeps both.
/// </summary>
public sealed class LevelBonusTests
{
    private static readonly decimal[] Steps = [0.01m, 0.05m, 0.1m, 1m, 5m, 10m];

    private static readonly LevelDetectionRules Plain = new() { MinTouches = 3 };

    [Fact]
    public void Detect_PreferRoundNumbers_KeepsTheRoundLevelOfAClosePair()
    {
        // Equal strength: the lower price wins the tie. With the bonus, 100 (a multiple of 10) is the stronger.
        Assert.Equal(99.37m, Assert.Single(LevelDetector.Detect(Range(), Plain)).Price);

        var kept = Assert.Single(LevelDetector.Detect(Range(), Plain with { RoundSteps = Steps }));

        Assert.Equal(100.00m, kept.Price);
    }

    [Theory]
    [InlineData(100.00, 0.315, 0.152)] // a multiple of 10: 0.1 + 0.05·log10(11)
    [InlineData(99.00, 0.315, 0.115)]  // a multiple of 1 only: 0.1 + 0.05·log10(2)
    [InlineData(99.37, 0.315, 0.0)]    // 0.37 from 99, and 0.1 steps are too fine for a 0.315 tolerance to mean anything
    [InlineData(99.37, 0.004, 0.1)]    // with a tight tolerance, 99.37 is a multiple of 0.01 (itself, within tolerance)
    public void RoundBonus_LargestStepWithAMultipleWithinTolerance(double price, double tolerance, double expected)
    {
        var bonus = LevelBonuses.RoundBonus((decimal)price, Plain with { RoundSteps = Steps }, (decimal)tolerance);

        Assert.Equal(expected, bonus, precision: 3);
    }

    [Theory]
    [InlineData(2, 100, 0.1)] // both levels within 1 % of each other: a cascade of 2
    [InlineData(3, 100, 0.0)] // a cascade needs 3
    [InlineData(2, 50, 0.0)]  // 0.63 apart is more than 0.5 % of the price
    public void Detect_Cascade_BothLevelsGainWhenCloseEnoughAndManyEnough(int minLevels, int radiusBps, double gain)
    {
        var apart = Plain with { MinSeparationAtr = 0m };

        var without = LevelDetector.Detect(Range(), apart);
        var with = LevelDetector.Detect(Range(), apart with { CascadeMinLevels = minLevels, CascadeRadiusFraction = radiusBps / 10_000m });

        Assert.Equal(2, with.Count);
        Assert.Equal(without.Select(level => level.Strength + gain), with.Select(level => level.Strength), new ToleranceComparer(1e-9));
    }

    private static List<Candle> Range() =>
        [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Bar(i, 99.5m, 100.00m, 99.37m, 99.9m) : Bar(i, 99.9m, 100.00m, 99.37m, 99.5m))];

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
