using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Accounting.LedgerFixtures;
using static BreakoutBot.Domain.Tests.Accounting.TradeStatisticsTests;

namespace BreakoutBot.Domain.Tests.Accounting;

public class PerformanceStatisticsTests
{
    [Fact]
    public void From_EquityWithTwoDips_MaxDrawdownIsTheDeepestFall()
    {
        var snapshots = Equities(1_000m, 1_100m, 1_050m, 1_020m, 1_220m, 1_200m);

        var statistics = PerformanceStatistics.From(FiveTrades, snapshots);

        Assert.Equal(80m, statistics.MaxDrawdownUsd);
        Assert.Equal(80m / 1_100m, statistics.MaxDrawdownFraction);
        Assert.Equal(5, statistics.Trades.TradeCount);
    }

    [Fact]
    public void From_FiveTradesOnTwoSymbols_BreakdownPerSymbol()
    {
        var statistics = PerformanceStatistics.From(FiveTrades, []);

        Assert.Equal(2, statistics.BySymbol.Count);
        var btc = statistics.BySymbol[Btc];
        Assert.Equal(3, btc.TradeCount);
        Assert.Equal(50m, btc.NetPnl);
        Assert.Equal(2, btc.LongestLosingStreak);
        Assert.Equal(150m, statistics.BySymbol[Eth].NetPnl);
    }

    [Fact]
    public void From_AlternatingTenPercentReturns_SharpeAndSortinoMatchHandComputation()
    {
        // Returns +0.1, −0.1, +0.1: mean 1/30, sample deviation 0.2/√3, downside deviation √(0.01/3).
        var snapshots = Equities(100m, 110m, 99m, 108.9m);

        var statistics = PerformanceStatistics.From([], snapshots);
        var annualised = PerformanceStatistics.From([], snapshots, periodsPerYear: 365);

        Assert.Equal(3, statistics.ReturnCount);
        Assert.Equal(Math.Sqrt(3) / 6, statistics.SharpeRatio!.Value, 12);
        Assert.Equal(1 / Math.Sqrt(3), statistics.SortinoRatio!.Value, 12);
        Assert.Equal(Math.Sqrt(3) / 6 * Math.Sqrt(365), annualised.SharpeRatio!.Value, 10);
    }

    [Fact]
    public void From_OnlyRisingEquity_SortinoNullAndNoDrawdown()
    {
        var statistics = PerformanceStatistics.From([], Equities(100m, 101m, 103m));

        Assert.Null(statistics.SortinoRatio);
        Assert.NotNull(statistics.SharpeRatio);
        Assert.Equal(0m, statistics.MaxDrawdownUsd);
    }

    [Fact]
    public void From_ConstantEquity_SharpeNull()
    {
        Assert.Null(PerformanceStatistics.From([], Equities(100m, 100m, 100m)).SharpeRatio);
    }

    [Fact]
    public void From_NoSnapshots_EquityMeasuresNull()
    {
        var statistics = PerformanceStatistics.From(FiveTrades, []);

        Assert.Null(statistics.MaxDrawdownUsd);
        Assert.Null(statistics.MaxDrawdownFraction);
        Assert.Null(statistics.SharpeRatio);
        Assert.Null(statistics.Exposure);
        Assert.Equal(0, statistics.ReturnCount);
    }

    [Fact]
    public void From_OverlappingAndClippedTrades_ExposureCountsSharedTimeOnce()
    {
        // Span day 0 to day 10; open on days 1–3 and 2–4 (3 days together), 6–7, and 9–12 clipped to 9–10.
        ClosedTrade[] trades =
        [
            Trade(Btc, day: 3, netPnl: 1m, openDay: 1),
            Trade(Eth, day: 4, netPnl: 1m, openDay: 2),
            Trade(Btc, day: 7, netPnl: 1m, openDay: 6),
            Trade(Btc, day: 12, netPnl: 1m, openDay: 9),
        ];
        EquitySnapshot[] snapshots = [new(Start, 100m), new(Start.AddDays(10), 100m)];

        var statistics = PerformanceStatistics.From(trades, snapshots);

        Assert.Equal(0.5m, statistics.Exposure);
    }

    [Fact]
    public void From_LedgerRoundTrip_StatisticsOfItsClosedTrades()
    {
        var ledger = new AccountLedger(10_000m);
        var snapshots = new List<EquitySnapshot> { ledger.Snapshot(Start) };
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 1m, 100m, 0m, Start.AddHours(1)), initialRiskPerUnit: 10m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Sell, 1m, 90m, 0m, Start.AddHours(3)));
        snapshots.Add(ledger.Snapshot(Start.AddHours(4)));

        var statistics = PerformanceStatistics.From(ledger.ClosedTrades, snapshots);

        Assert.Equal(-1m, statistics.Trades.AverageR);
        Assert.Equal(0.5m, statistics.Exposure);
        Assert.Equal(10m, statistics.MaxDrawdownUsd);
    }

    private static EquitySnapshot[] Equities(params decimal[] equities) =>
        equities.Select((equity, day) => new EquitySnapshot(Start.AddDays(day), equity)).ToArray();
}
