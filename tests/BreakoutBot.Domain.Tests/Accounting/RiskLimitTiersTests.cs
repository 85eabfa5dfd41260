using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Accounting;

public class RiskLimitTiersTests
{
    private static readonly Instrument Btc = SyntheticUniverse.Default[0].ToInstrument();
    private static readonly Instrument Avax = SyntheticUniverse.Default[7].ToInstrument();

    [Fact]
    public void For_LargeAndSmallContracts_BandsRiseInMarginAndFallInLeverage()
    {
        var large = RiskLimitTiers.For(Btc);
        var small = RiskLimitTiers.For(Avax);

        Assert.Equal((2_000_000m, 0.005m, 100m), (large[0].RiskLimitValue, large[0].MaintenanceMarginRate, large[0].MaxLeverage));
        Assert.Equal((200_000m, 0.01m, 50m), (small[0].RiskLimitValue, small[0].MaintenanceMarginRate, small[0].MaxLeverage));
        foreach (var tiers in new[] { large, small })
        {
            Assert.All(tiers.Zip(tiers.Skip(1)), pair =>
            {
                Assert.True(pair.Second.RiskLimitValue > pair.First.RiskLimitValue);
                Assert.True(pair.Second.MaintenanceMarginRate > pair.First.MaintenanceMarginRate);
                Assert.True(pair.Second.MaxLeverage < pair.First.MaxLeverage);
                Assert.True(pair.Second.InitialMarginRate > pair.Second.MaintenanceMarginRate);
            });
        }
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(2_000_000, 1)]
    [InlineData(2_000_001, 2)]
    [InlineData(9_999_999, 5)]
    [InlineData(50_000_000, 5)]
    public void TierFor_PositionValue_TheBandItFallsIn(decimal value, int tier) =>
        Assert.Equal(tier, RiskLimitTiers.TierFor(Btc, value).Id);

    [Fact]
    public void Ledger_WithTieredMaintenance_BelowMaintenanceOnlyWhenEquityNoLongerCoversIt()
    {
        var ledger = new AccountLedger(1_000m, maintenanceMarginRateOf: (_, value) => RiskLimitTiers.TierFor(Btc, value).MaintenanceMarginRate);
        ledger.SetLeverage(Btc, 100m);
        var time = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        ledger.Apply(new Fill("e1", "o1", Btc.Symbol, OrderSide.Buy, 1.5m, 60_000m, 0m, LiquidityRole.Taker, time));

        // Value 90,000 → maintenance 450 at 0.5 %; equity 1,000 + PnL.
        ledger.UpdateMarkPrice(Btc.Symbol, 59_700m);
        var stillAbove = ledger.IsBelowMaintenance;
        ledger.UpdateMarkPrice(Btc.Symbol, 59_600m);

        Assert.False(stillAbove);
        Assert.Equal(59_600m * 1.5m * 0.005m, ledger.MaintenanceMargin);
        Assert.True(ledger.IsBelowMaintenance);
    }
}
