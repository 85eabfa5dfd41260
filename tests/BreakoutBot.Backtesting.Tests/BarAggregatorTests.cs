using BreakoutBot.Backtesting.Data;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Tests;

public sealed class BarAggregatorTests
{
    [Fact]
    public void OneMinuteBars_MakeFiveMinuteBars_OnlyComplete_AlignedInUtc()
    {
        // Starts at 00:03: the 00:00 bucket is incomplete and dropped; 00:05-00:09 and 00:10-00:14 are whole; 00:15-00:16 is not.
        var minutes = Enumerable.Range(3, 14).Select(minute => new Candle(
            CandleInterval.OneMinute, Bars.Start.AddMinutes(minute), 100m + minute, 100.5m + minute, 99m + minute, 100.2m + minute, 1m, 100m, isClosed: true)).ToList();

        var bars = BarAggregator.Aggregate(minutes, CandleInterval.FiveMinutes).ToList();

        Assert.Equal([Bars.Start.AddMinutes(5), Bars.Start.AddMinutes(10)], bars.Select(bar => bar.OpenTime));
        var first = bars[0];
        Assert.Equal(CandleInterval.FiveMinutes, first.Interval);
        Assert.Equal((105m, 109.5m, 104m, 109.2m, 5m, 500m), (first.Open, first.High, first.Low, first.Close, first.Volume, first.Turnover));
    }

    [Fact]
    public void BarsOfTheEvaluatedInterval_PassThrough()
    {
        var bars = Enumerable.Range(0, 3).Select(Bars.Flat).ToList();

        Assert.Equal(bars, BarAggregator.Aggregate(bars, CandleInterval.FiveMinutes));
    }

    [Fact]
    public void ACoarserFile_CannotMakeFinerBars()
    {
        var bars = Enumerable.Range(0, 3).Select(Bars.Flat).ToList();

        var refusal = Assert.Throws<ArgumentException>(() => BarAggregator.Aggregate(bars, CandleInterval.ThreeMinutes).ToList());

        Assert.Contains("3-minute bars cannot be built from 5-minute bars", refusal.Message, StringComparison.Ordinal);
    }
}
