using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Accounting.LedgerFixtures;

namespace BreakoutBot.Domain.Tests.Accounting;

public class ClosedTradeTests
{
    private static readonly ClosedTrade LosingShort = new(
        Eth, PositionDirection.Short, 3_000m, 3_030m, 2m, RealisedPnl: -60m, Fees: 3m, Funding: 1m, Start, Start.AddHours(5));

    [Fact]
    public void NetPnl_Always_IsRealisedMinusFeesPlusFunding()
    {
        Assert.Equal(-62m, LosingShort.NetPnl);
    }

    [Fact]
    public void RMultiple_NoInitialRisk_IsNull()
    {
        Assert.Null(LosingShort.RMultiple);
    }

    [Fact]
    public void WithInitialRisk_StopHitPlusCosts_RIsNetLossOverInitialRisk()
    {
        var trade = LosingShort.WithInitialRisk(31m); // initial stop 3 031: risk 62 on 2 units

        Assert.Equal(-1m, trade.RMultiple);
        Assert.Equal(TimeSpan.FromHours(5), trade.Duration);
    }

    [Fact]
    public void WithInitialRisk_NotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LosingShort.WithInitialRisk(0m));
    }
}
