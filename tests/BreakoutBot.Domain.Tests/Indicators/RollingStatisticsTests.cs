using BreakoutBot.Domain.Indicators;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Indicators;

public class RollingStatisticsTests
{
    [Fact]
    public void Median_SlidingWindow_MatchesSortedWindow()
    {
        var statistics = new RollingOrderStatistics(4);
        double[] values = [5, 1, 9, 3, 7, 7, 2];
        double[] expected = [5, 3, 5, 4, 5, 7, 5];

        for (var i = 0; i < values.Length; i++)
        {
            statistics.Add(values[i]);
            Assert.Equal(expected[i], statistics.Median());
        }
    }

    [Fact]
    public void Median_RandomValues_EqualsNaiveMedianOfWindow()
    {
        Gen.Select(Gen.Int[1, 15], Gen.Double[-100, 100].Array[1, 80]).Sample((window, values) =>
        {
            var statistics = new RollingOrderStatistics(window);
            for (var i = 0; i < values.Length; i++)
            {
                statistics.Add(values[i]);
                var sorted = values[Math.Max(0, i - window + 1)..(i + 1)].Order().ToArray();
                var naive = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
                if (statistics.Median() != naive)
                {
                    throw new InvalidOperationException($"step {i}: median {statistics.Median()} vs {naive}");
                }
            }
        });
    }

    [Fact]
    public void PercentileRank_OfExtremes_IsNearBounds()
    {
        var statistics = new RollingOrderStatistics(5);
        foreach (var value in new double[] { 1, 2, 3, 4, 5 })
        {
            statistics.Add(value);
        }

        Assert.Equal(0, statistics.PercentileRank(0.5));
        Assert.Equal(50, statistics.PercentileRank(3));
        Assert.Equal(100, statistics.PercentileRank(9));
        Assert.Equal(3, statistics.ValueAtPercentile(50));
        Assert.Equal(1.4, statistics.ValueAtPercentile(10), 12);
    }

    [Fact]
    public void Add_NaN_IsRejectedWithReason()
    {
        var exception = Assert.Throws<ArgumentException>(() => new RollingOrderStatistics(3).Add(double.NaN));

        Assert.Contains("NaN", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_PerfectlyLinkedSeries_IsPlusOrMinusOne()
    {
        double[] x = [1, 2, 3, 4, 5];

        Assert.Equal(1, PearsonCorrelation.Of(x, x.Select(v => (3 * v) + 2).ToArray()), 12);
        Assert.Equal(-1, PearsonCorrelation.Of(x, x.Select(v => -v).ToArray()), 12);
        Assert.True(double.IsNaN(PearsonCorrelation.Of(x, [2, 2, 2, 2, 2])));
    }

    [Fact]
    public void VolumeSurge_SpikeAfterQuietBars_IsRatioToPriorMedian()
    {
        var surge = new VolumeSurge(3);
        foreach (var volume in new double[] { 100, 300, 200 })
        {
            surge.Add(volume);
            Assert.True(double.IsNaN(surge.Ratio));
        }

        surge.Add(1000);

        Assert.Equal(5, surge.Ratio);
    }

    [Fact]
    public void SwingPoints_PeakAndTrough_AreFoundWithoutLookAhead()
    {
        double[] highs = [10, 11, 15, 12, 11, 9, 8, 10, 12];
        var bars = highs.Select(high => new Ohlcv(high - 1, high, high - 2, high - 1, 1)).ToArray();

        var points = SwingPoints.Find(bars, left: 2, right: 2);

        Assert.Contains(new SwingPoint(2, 15, IsHigh: true), points);
        Assert.Contains(new SwingPoint(6, 6, IsHigh: false), points);
        Assert.DoesNotContain(points, point => point.Index >= bars.Length - 2);
    }

    [Fact]
    public void TrueRange_GapAboveHigh_UsesPreviousClose()
    {
        var bar = new Ohlcv(105, 106, 104, 105, 1);

        Assert.Equal(6, TrueRanges.Of(bar, previousClose: 100));
        Assert.True(double.IsNaN(TrueRanges.Of(bar, double.NaN)));
    }
}
