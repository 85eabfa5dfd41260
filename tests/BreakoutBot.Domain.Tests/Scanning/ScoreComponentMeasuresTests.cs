using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class ScoreComponentMeasuresTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(0.03, 1)]      // middle of 0.01-0.05
    [InlineData(0.02, 0.5)]    // halfway to the edge
    [InlineData(0.01, 0)]      // lower edge
    [InlineData(0.05, 0)]      // upper edge
    [InlineData(0.06, -0.5)]   // outside, half a half-range beyond
    [InlineData(0.5, -1)]      // far outside: floored
    public void AtrQuality_PositionInRange_PeaksInTheMiddle(double atrToPrice, double expected)
    {
        Assert.Equal(expected, ScoreComponentMeasures.AtrQuality(atrToPrice, 0.01, 0.05), Tolerance);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.15, 0.75)]
    [InlineData(-0.3, 0.5)]
    [InlineData(0.5, 1)]
    [InlineData(0.7, 1)]
    [InlineData(0.85, 0.25)]
    [InlineData(-1, -0.5)]
    public void CorrelationPreference_AbsoluteCorrelation_PrefersModerate(double correlation, double expected)
    {
        Assert.Equal(expected, ScoreComponentMeasures.CorrelationPreference(correlation), Tolerance);
    }

    [Fact]
    public void RawValue_VolSurge_BlendsHourAndFiveMinuteSurges()
    {
        var metrics = PassingMetrics() with { VolumeSurge1h = 2, VolumeSurge5m = 3 };

        Assert.Equal((0.6 * 2) + (0.4 * 3), ScoreComponentMeasures.RawValue(ScoreComponent.VolSurge, metrics, Volatility())!.Value, Tolerance);
    }

    [Fact]
    public void RawValue_VolSurgeWithOneSurgeMissing_IsNull()
    {
        var metrics = PassingMetrics() with { VolumeSurge5m = null };

        Assert.Null(ScoreComponentMeasures.RawValue(ScoreComponent.VolSurge, metrics, Volatility()));
    }

    [Fact]
    public void RawValue_OiDeltaAndTradesAndMomentum_FromTheirMetrics()
    {
        var metrics = PassingMetrics() with { OpenInterestChangeFraction = -0.04, TradesPerMinute = 0, MomentumFraction = 0.03 };

        Assert.Equal(0.04, ScoreComponentMeasures.RawValue(ScoreComponent.OiDelta, metrics, Volatility())!.Value, Tolerance);
        Assert.Equal(0, ScoreComponentMeasures.RawValue(ScoreComponent.TradesPerMinute, metrics, Volatility())!.Value, Tolerance);
        Assert.Equal(0.03, ScoreComponentMeasures.RawValue(ScoreComponent.GainersMomentum, metrics, Volatility())!.Value, Tolerance);
    }
}
