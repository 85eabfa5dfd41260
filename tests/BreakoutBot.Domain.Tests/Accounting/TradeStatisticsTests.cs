using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Accounting.LedgerFixtures;

namespace BreakoutBot.Domain.Tests.Accounting;

public class TradeStatisticsTests
{
    /// <summary>Net PnL +100, −50, −30, +200, −20 with a risk of 100 each: R +1, −0.5, −0.3, +2, −0.2.</summary>
    internal static readonly ClosedTrade[] FiveTrades =
    [
        Trade(Btc, day: 1, netPnl: 100m),
        Trade(Eth, day: 2, netPnl: -50m),
        Trade(Btc, day: 3, netPnl: -30m),
        Trade(Eth, day: 4, netPnl: 200m),
        Trade(Btc, day: 5, netPnl: -20m),
    ];

    [Fact]
    public void From_FiveHandBuiltTrades_KnownResults()
    {
        var statistics = TradeStatistics.From(FiveTrades.Reverse());

        Assert.Equal(5, statistics.TradeCount);
        Assert.Equal(2, statistics.WinCount);
        Assert.Equal(3, statistics.LossCount);
        Assert.Equal(0.4m, statistics.WinRate);
        Assert.Equal(300m, statistics.GrossProfit);
        Assert.Equal(100m, statistics.GrossLoss);
        Assert.Equal(200m, statistics.NetPnl);
        Assert.Equal(3m, statistics.ProfitFactor);
        Assert.Equal(40m, statistics.ExpectancyUsd);
        Assert.Equal(0.4m, statistics.AverageR);
        Assert.Equal(5, statistics.TradesWithR);
        Assert.Equal(2, statistics.LongestLosingStreak);
        Assert.Equal(0.8m, statistics.MaxDrawdownR); // cumulative R peaks at 1, falls to 0.2
    }

    [Fact]
    public void From_NoTrades_RatiosAreNull()
    {
        var statistics = TradeStatistics.From([]);

        Assert.Equal(0, statistics.TradeCount);
        Assert.Null(statistics.WinRate);
        Assert.Null(statistics.ExpectancyUsd);
        Assert.Null(statistics.ProfitFactor);
        Assert.Null(statistics.AverageR);
        Assert.Null(statistics.MaxDrawdownR);
        Assert.Equal(0, statistics.LongestLosingStreak);
    }

    [Fact]
    public void From_OnlyWinners_ProfitFactorNullAndNoLosses()
    {
        var statistics = TradeStatistics.From([Trade(Btc, 1, 10m), Trade(Btc, 2, 20m)]);

        Assert.Null(statistics.ProfitFactor);
        Assert.Equal(0, statistics.LossCount);
        Assert.Equal(1m, statistics.WinRate);
        Assert.Equal(0m, statistics.MaxDrawdownR);
    }

    [Fact]
    public void From_BreakEvenBetweenLosses_EndsTheStreakAndCountsInWinRate()
    {
        var statistics = TradeStatistics.From([Trade(Btc, 1, -1m), Trade(Btc, 2, 0m), Trade(Btc, 3, -1m), Trade(Btc, 4, 3m)]);

        Assert.Equal(1, statistics.LongestLosingStreak);
        Assert.Equal(0.25m, statistics.WinRate);
        Assert.Equal(1.5m, statistics.ProfitFactor);
    }

    [Fact]
    public void From_TradesWithoutRisk_AverageRUsesOnlyTradesThatHaveIt()
    {
        var withoutRisk = Trade(Btc, 1, 500m) with { InitialRiskPerUnit = null };

        var statistics = TradeStatistics.From([withoutRisk, Trade(Btc, 2, 50m)]);

        Assert.Equal(1, statistics.TradesWithR);
        Assert.Equal(0.5m, statistics.AverageR);
        Assert.Equal(275m, statistics.ExpectancyUsd);
    }

    /// <summary>A one-unit trade whose whole net PnL is price PnL, with an initial risk of 100 per unit.</summary>
    internal static ClosedTrade Trade(InstrumentSymbol symbol, int day, decimal netPnl, int openDay = -1) => new(
        symbol,
        PositionDirection.Long,
        1_000m,
        1_000m + netPnl,
        1m,
        netPnl,
        Fees: 0m,
        Funding: 0m,
        Start.AddDays(openDay < 0 ? day - 1 : openDay),
        Start.AddDays(day),
        InitialRiskPerUnit: 100m);
}
