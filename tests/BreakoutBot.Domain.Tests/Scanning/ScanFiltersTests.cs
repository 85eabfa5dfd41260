using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class ScanFiltersTests
{
    private static readonly string[] AllNames =
    [
        ScanFilterNames.Min24hVolumeUsd, ScanFilterNames.MinOiUsd, ScanFilterNames.MaxSpreadBps,
        ScanFilterNames.MinDepthUsd0_5Pct, ScanFilterNames.MinDepthUsd0_3Pct, ScanFilterNames.MinTradesPerMinute,
        ScanFilterNames.AtrRangeMin, ScanFilterNames.AtrRangeMax, ScanFilterNames.BbWidthPercentileMax,
        ScanFilterNames.VolumeSurge1hMin, ScanFilterNames.VolumeSurge5mMin, ScanFilterNames.OiDeltaThreshold,
    ];

    [Fact]
    public void Evaluate_HealthyMetrics_EveryFilterOfThePresetPassesAndIsReported()
    {
        var results = ScanFilters.Evaluate(PassingMetrics(), Liquidity(), Volatility());

        Assert.Equal(AllNames, results.Select(result => result.Name));
        Assert.All(results, result => Assert.True(result.Passed, result.Reason));
        Assert.True(ScanFilters.AllPassed(results));
    }

    [Fact]
    public void Evaluate_HealthyMetrics_RecordsValueThresholdAndReason()
    {
        var results = ScanFilters.Evaluate(PassingMetrics(), Liquidity(), Volatility());

        var spread = results.Single(result => result.Name == ScanFilterNames.MaxSpreadBps);
        Assert.Equal(new FilterResult(ScanFilterNames.MaxSpreadBps, 2m, 30m, true, "spread (bps) 2 <= max 30"), spread);
        var depth = results.Single(result => result.Name == ScanFilterNames.MinDepthUsd0_5Pct);
        Assert.Equal(40_000m, depth.Value);
        var oiDelta = results.Single(result => result.Name == ScanFilterNames.OiDeltaThreshold);
        Assert.Equal(0.05m, oiDelta.Value);
    }

    public static TheoryData<string, string> FailingCases() => new()
    {
        { ScanFilterNames.Min24hVolumeUsd, "24h turnover (USDT) 4999999 below min 5000000" },
        { ScanFilterNames.MinOiUsd, "open interest (USDT) 1000000 below min 2000000" },
        { ScanFilterNames.MaxSpreadBps, "spread (bps) 30.5 above max 30" },
        { ScanFilterNames.MinDepthUsd0_5Pct, "bid+ask depth within 0.5% (USDT) 7999 below min 8000" },
        { ScanFilterNames.MinDepthUsd0_3Pct, "bid+ask depth within 0.3% (USDT) 4000 below min 5000" },
        { ScanFilterNames.MinTradesPerMinute, "trades per minute 2.8 below min 3" },
        { ScanFilterNames.AtrRangeMin, "ATR/price 0.009 below min 0.01" },
        { ScanFilterNames.AtrRangeMax, "ATR/price 0.06 above max 0.05" },
        { ScanFilterNames.BbWidthPercentileMax, "Bollinger width percentile 50.5 above max 50" },
        { ScanFilterNames.VolumeSurge1hMin, "1h volume surge 1.1 below min 1.2" },
        { ScanFilterNames.VolumeSurge5mMin, "5m volume surge 1.25 below min 1.5" },
        { ScanFilterNames.OiDeltaThreshold, "|open interest change| 0.01 below min 0.02" },
    };

    [Theory]
    [MemberData(nameof(FailingCases))]
    public void Evaluate_OneMetricOnTheWrongSide_OnlyThatFilterFailsWithItsReason(string name, string reason)
    {
        var metrics = Breaking(name);

        var results = ScanFilters.Evaluate(metrics, Liquidity(), Volatility());

        var failed = Assert.Single(results, result => !result.Passed);
        Assert.Equal(name, failed.Name);
        Assert.Equal(reason, failed.Reason);
        Assert.False(ScanFilters.AllPassed(results));
    }

    [Fact]
    public void Evaluate_ValuesExactlyAtThresholds_Pass()
    {
        var metrics = PassingMetrics() with
        {
            Turnover24hUsd = 5_000_000m,
            SpreadBps = 30m,
            TradesPerMinute = 3,
            AtrToPrice = 0.01,
            BollingerWidthPercentile = 50,
            VolumeSurge1h = 1.2,
        };

        var results = ScanFilters.Evaluate(metrics, Liquidity(), Volatility());

        Assert.True(ScanFilters.AllPassed(results));
    }

    [Fact]
    public void Evaluate_NoMetrics_EveryFilterFailsWithNoData()
    {
        var empty = new MarketMetrics { Symbol = Eth, EvaluatedAt = Start };

        var results = ScanFilters.Evaluate(empty, Liquidity(), Volatility());

        Assert.Equal(AllNames.Length, results.Count);
        Assert.All(results, result =>
        {
            Assert.False(result.Passed);
            Assert.Null(result.Value);
            Assert.Equal(ScanFilterNames.NoData, result.Reason);
        });
    }

    [Fact]
    public void Evaluate_OptionalThresholdsNotSet_AreNotApplied()
    {
        var metrics = PassingMetrics() with { OpenInterestUsd = null, OpenInterestChangeFraction = null };

        var results = ScanFilters.Evaluate(metrics, Liquidity(minOiUsd: null), Volatility(oiDeltaThreshold: null));

        Assert.DoesNotContain(results, result => result.Name is ScanFilterNames.MinOiUsd or ScanFilterNames.OiDeltaThreshold);
        Assert.True(ScanFilters.AllPassed(results));
    }

    [Fact]
    public void Evaluate_ShippedPreset_UsesItsFilterSections()
    {
        var preset = ScanningPresets.BreakoutV1();

        var results = ScanFilters.Evaluate(PassingMetrics(), preset);

        var turnover = results.Single(result => result.Name == ScanFilterNames.Min24hVolumeUsd);
        Assert.Equal(preset.LiquidityFilters.Min24hVolumeUsd, turnover.Threshold);
        var percentile = results.Single(result => result.Name == ScanFilterNames.BbWidthPercentileMax);
        Assert.Equal(preset.VolatilityFilters.BbWidthPercentileMax, percentile.Threshold);
    }

    [Fact]
    public void Evaluate_FiltersTheDataCannotFeed_PassAsNotEvaluated_TheOthersStillDecide()
    {
        var preset = ScanningPresets.BreakoutV1();
        var klinesOnly = PassingMetrics() with { SpreadBps = null, Depth0_5Pct = null, Depth0_3Pct = null, TradesPerMinute = null, AtrToPrice = 10 };

        var results = ScanFilters.Evaluate(klinesOnly, preset, ScanFilterNames.NeedMoreThanKlines);

        var notEvaluated = results.Where(result => ScanFilterNames.NeedMoreThanKlines.Contains(result.Name)).ToList();
        Assert.Contains(notEvaluated, result => result.Name == ScanFilterNames.MaxSpreadBps);
        Assert.All(notEvaluated, result =>
        {
            Assert.True(result.Passed);
            Assert.Null(result.Value);
            Assert.Equal(ScanFilterNames.NotEvaluated, result.Reason);
        });
        Assert.False(results.Single(result => result.Name == ScanFilterNames.AtrRangeMax).Passed);
        Assert.False(ScanFilters.AllPassed(ScanFilters.Evaluate(klinesOnly with { AtrToPrice = PassingMetrics().AtrToPrice }, preset)));
    }

    private static MarketMetrics Breaking(string name)
    {
        var metrics = PassingMetrics();
        return name switch
        {
            ScanFilterNames.Min24hVolumeUsd => metrics with { Turnover24hUsd = 4_999_999m },
            ScanFilterNames.MinOiUsd => metrics with { OpenInterestUsd = 1_000_000m },
            ScanFilterNames.MaxSpreadBps => metrics with { SpreadBps = 30.5m },
            ScanFilterNames.MinDepthUsd0_5Pct => metrics with { Depth0_5Pct = new BookDepth(1m, 1m, 4_000m, 3_999m) },
            ScanFilterNames.MinDepthUsd0_3Pct => metrics with { Depth0_3Pct = new BookDepth(1m, 1m, 3_000m, 1_000m) },
            ScanFilterNames.MinTradesPerMinute => metrics with { TradesPerMinute = 2.8 },
            ScanFilterNames.AtrRangeMin => metrics with { AtrToPrice = 0.009 },
            ScanFilterNames.AtrRangeMax => metrics with { AtrToPrice = 0.06 },
            ScanFilterNames.BbWidthPercentileMax => metrics with { BollingerWidthPercentile = 50.5 },
            ScanFilterNames.VolumeSurge1hMin => metrics with { VolumeSurge1h = 1.1 },
            ScanFilterNames.VolumeSurge5mMin => metrics with { VolumeSurge5m = 1.25 },
            ScanFilterNames.OiDeltaThreshold => metrics with { OpenInterestChangeFraction = 0.01 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No case for this filter."),
        };
    }
}
