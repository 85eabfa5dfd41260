using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Web.Charts;

namespace BreakoutBot.Web.Tests;

public sealed class BacktestCurvesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly BacktestEquityPoint[] Equity =
    [
        new(Start, 10_000m), new(Start.AddMinutes(5), 11_000m), new(Start.AddMinutes(10), 9_900m), new(Start.AddMinutes(15), 12_000m),
    ];

    [Fact]
    public void Drawdown_IsTheFallFromTheRunningPeak_InPercent()
    {
        Assert.Equal([0d, 0d, -10d, 0d], BacktestCurves.Drawdown(Equity).Select(point => Math.Round(point.Percent, 6)));
    }

    [Fact]
    public void Return_IsOnTheFirstEquity_SoRunsOfDifferentBalancesCompare()
    {
        Assert.Equal([0d, 10d, -1d, 20d], BacktestCurves.Return(Equity).Select(point => Math.Round(point.Percent, 6)));
        Assert.Empty(BacktestCurves.Return([]));
        Assert.Empty(BacktestCurves.Return([new BacktestEquityPoint(Start, 0m)]));
    }
}
