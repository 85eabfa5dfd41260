using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;
using CsCheck;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class UniverseScorerPropertyTests
{
    private static readonly Gen<MarketMetrics[]> Universes =
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 300], Gen.Int[1, 80], Gen.Int[-100, 100], Gen.Bool, (tpm, surge, atrBps, corr, missing) => (tpm, surge, atrBps, corr, missing))
            .Array[1, 25]
            .Select(rows => rows
                .Select((row, i) => PassingMetrics(Symbol($"S{i:00}USDT")) with
                {
                    TradesPerMinute = row.missing ? null : row.tpm,
                    VolumeSurge1h = row.surge / 100.0,
                    AtrToPrice = row.atrBps / 10_000.0,
                    BtcCorrelation = row.corr / 100.0,
                })
                .ToArray());

    private static readonly ScannerConfig Weights = Scanner(
        10,
        (ScoreComponent.TradesPerMinute, 0.3m),
        (ScoreComponent.VolSurge, 0.3m),
        (ScoreComponent.AtrQuality, 0.2m),
        (ScoreComponent.Correlation, -0.2m));

    [Fact]
    public void Score_AnyUniverse_ZWithinClipAndTotalIsSumOfContributions()
    {
        Universes.Sample(universe =>
        {
            foreach (var score in UniverseScorer.Score(universe, Weights, Volatility()))
            {
                Assert.All(score.Components, component => Assert.InRange(component.ZScore ?? 0, -3, 3));
                Assert.Equal(score.Components.Sum(component => component.Contribution), score.Total, 1e-12);
                Assert.InRange(score.Total, -3, 3);
            }
        });
    }

    [Fact]
    public void Score_AnyUniverseShuffled_SameScores()
    {
        Gen.Select(Universes, Gen.Int).Sample((universe, seed) =>
        {
            var shuffled = universe.ToArray();
            new Random(seed).Shuffle(shuffled);

            var expected = UniverseScorer.Score(universe, Weights, Volatility());
            var actual = UniverseScorer.Score(shuffled, Weights, Volatility());

            Assert.Equal(expected.Select(s => (s.Symbol, s.Total)), actual.Select(s => (s.Symbol, s.Total)));
        });
    }
}
