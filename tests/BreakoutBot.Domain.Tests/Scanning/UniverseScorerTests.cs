using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class UniverseScorerTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Score_OneSymbol_EveryZIsZero()
    {
        var scanner = Scanner(10, (ScoreComponent.TradesPerMinute, 0.5m), (ScoreComponent.VolSurge, 0.5m));

        var score = Assert.Single(UniverseScorer.Score([PassingMetrics()], scanner, Volatility()));

        Assert.All(score.Components, component => Assert.Equal(0d, component.ZScore));
        Assert.Equal(0d, score.Total);
    }

    [Fact]
    public void Score_AllSymbolsEqual_ZeroVarianceGivesZeroZ()
    {
        MarketMetrics[] universe = [PassingMetrics(Symbol("AUSDT")), PassingMetrics(Symbol("BUSDT")), PassingMetrics(Symbol("CUSDT"))];

        var scores = UniverseScorer.Score(universe, Scanner(10, (ScoreComponent.TradesPerMinute, 1m)), Volatility());

        Assert.All(scores, score => Assert.Equal(0d, score.Total));
    }

    [Fact]
    public void Score_TwoSymbols_ZIsPlusMinusOneTimesWeight()
    {
        // Raw = ln(1 + tpm): ln 2 and ln 8. Two values: population z = ±1.
        MarketMetrics[] universe =
        [
            PassingMetrics(Symbol("AUSDT")) with { TradesPerMinute = 1 },
            PassingMetrics(Symbol("BUSDT")) with { TradesPerMinute = 7 },
        ];

        var scores = UniverseScorer.Score(universe, Scanner(10, (ScoreComponent.TradesPerMinute, 0.8m)), Volatility());

        var low = scores[0].Components.Single();
        Assert.Equal(Math.Log(2), low.RawValue!.Value, Tolerance);
        Assert.Equal(-1, low.ZScore!.Value, Tolerance);
        Assert.Equal(0.8m, low.Weight);
        Assert.Equal(-0.8, low.Contribution, Tolerance);
        Assert.Equal(-0.8, scores[0].Total, Tolerance);
        Assert.Equal(0.8, scores[1].Total, Tolerance);
    }

    [Fact]
    public void Score_Outlier_ZIsClipped()
    {
        // 19 symbols at 0 and one at 1: mean 0.05, σ = √0.0475 ≈ 0.218, so the outlier's z ≈ 4.36 → clipped to 3.
        var universe = Enumerable.Range(0, 20)
            .Select(i => PassingMetrics(Symbol($"S{i:00}USDT")) with { MomentumFraction = i == 7 ? 1 : 0 })
            .ToArray();
        var scanner = Scanner(10, (ScoreComponent.GainersMomentum, 1m));

        var clipped = UniverseScorer.Score(universe, scanner, Volatility());
        var unclipped = UniverseScorer.Score(universe, scanner, Volatility(), zClip: 10);

        Assert.Equal(3, clipped.Single(score => score.Symbol.Value == "S07USDT").Total, Tolerance);
        Assert.Equal(0.95 / Math.Sqrt(0.0475), unclipped.Single(score => score.Symbol.Value == "S07USDT").Total, 1e-9);
        Assert.Equal(-0.05 / Math.Sqrt(0.0475), clipped[0].Total, 1e-9);
    }

    [Fact]
    public void Score_SeveralComponents_TotalIsWeightedSumOfZ()
    {
        MarketMetrics[] universe =
        [
            PassingMetrics(Symbol("AUSDT")) with { TradesPerMinute = 1, OpenInterestChangeFraction = 0.10 },
            PassingMetrics(Symbol("BUSDT")) with { TradesPerMinute = 7, OpenInterestChangeFraction = -0.02 },
        ];
        var scanner = Scanner(10, (ScoreComponent.TradesPerMinute, 0.6m), (ScoreComponent.OiDelta, -0.4m));

        var scores = UniverseScorer.Score(universe, scanner, Volatility());

        // A: tpm z −1, |OI change| 0.10 vs 0.02 → z +1. Score = 0.6·(−1) + (−0.4)·1 = −1.
        Assert.Equal(-1, scores[0].Total, Tolerance);
        Assert.Equal(1, scores[1].Total, Tolerance);
        Assert.Equal([ScoreComponent.OiDelta, ScoreComponent.TradesPerMinute], scores[0].Components.Select(c => c.Component));
    }

    [Fact]
    public void Score_MissingMeasure_NoZAndNoContribution()
    {
        MarketMetrics[] universe =
        [
            PassingMetrics(Symbol("AUSDT")) with { TradesPerMinute = 1 },
            PassingMetrics(Symbol("BUSDT")) with { TradesPerMinute = 7 },
            PassingMetrics(Symbol("CUSDT")) with { TradesPerMinute = null },
        ];

        var scores = UniverseScorer.Score(universe, Scanner(10, (ScoreComponent.TradesPerMinute, 1m)), Volatility());

        var missing = scores[2].Components.Single();
        Assert.Null(missing.RawValue);
        Assert.Null(missing.ZScore);
        Assert.Equal(0d, missing.Contribution);
        // The other two are still scored against each other only.
        Assert.Equal(-1, scores[0].Total, Tolerance);
    }

    [Fact]
    public void Score_AtrQuality_IsComputedFromThePresetRange()
    {
        // Range 0.01-0.05: middle 0.03 → quality 1; edge 0.05 → 0. Two symbols: z = +1 and −1.
        MarketMetrics[] universe =
        [
            PassingMetrics(Symbol("AUSDT")) with { AtrToPrice = 0.03 },
            PassingMetrics(Symbol("BUSDT")) with { AtrToPrice = 0.05 },
        ];

        var scores = UniverseScorer.Score(universe, Scanner(10, (ScoreComponent.AtrQuality, 1m)), Volatility());

        Assert.Equal(1, scores[0].Components.Single().RawValue!.Value, Tolerance);
        Assert.Equal(0, scores[1].Components.Single().RawValue!.Value, Tolerance);
        Assert.True(scores[0].Total > scores[1].Total);
    }

    [Fact]
    public void Score_InputOrder_DoesNotChangeTheResult()
    {
        var universe = Enumerable.Range(0, 12)
            .Select(i => PassingMetrics(Symbol($"S{i:00}USDT")) with
            {
                TradesPerMinute = (i * 7) % 11,
                VolumeSurge1h = 1 + (i % 5 * 0.3),
                AtrToPrice = 0.01 + (i % 4 * 0.01),
                BtcCorrelation = (i % 9 / 9.0) - 0.3,
            })
            .ToArray();
        var scanner = ScanningPresets.BreakoutV1().ScannerConfig;

        var forward = UniverseScorer.Score(universe, scanner, Volatility());
        var backward = UniverseScorer.Score([.. universe.Reverse()], scanner, Volatility());

        Assert.Equal(forward.Select(s => (s.Symbol, s.Total)), backward.Select(s => (s.Symbol, s.Total)));
        Assert.Equal(forward.SelectMany(s => s.Components), backward.SelectMany(s => s.Components));
    }

    [Fact]
    public void Score_DuplicateSymbol_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            UniverseScorer.Score([PassingMetrics(), PassingMetrics()], Scanner(10, (ScoreComponent.VolSurge, 1m)), Volatility()));
    }

    [Fact]
    public void Score_EmptyUniverse_IsEmpty()
    {
        Assert.Empty(UniverseScorer.Score([], Scanner(10, (ScoreComponent.VolSurge, 1m)), Volatility()));
    }
}
