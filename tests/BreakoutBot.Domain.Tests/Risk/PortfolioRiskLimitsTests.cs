using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Risk;

public class PortfolioRiskLimitsTests
{
    private static readonly EntryCandidate EthLong = new(InstrumentSymbol.Parse("ETHUSDT"), PositionDirection.Long, 0.9m);

    private static OpenExposure Position(string symbol, decimal notional = 1_000m, decimal? correlation = 0.9m, PositionDirection direction = PositionDirection.Long) =>
        new(InstrumentSymbol.Parse(symbol), direction, notional, correlation);

    [Fact]
    public void CheckEntry_HealthyAccount_IsAllowed()
    {
        Assert.True(PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(), RiskTestData.Portfolio(), EthLong).IsAllowed);
    }

    [Fact]
    public void CheckEntry_AtMaxConcurrentPositions_IsRefused()
    {
        var state = RiskTestData.Portfolio(exposures: [Position("BTCUSDT"), Position("SOLUSDT"), Position("XRPUSDT")]);

        var verdict = PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(maxPositions: 3), state, EthLong);

        Assert.Equal(RiskRejectionCode.MaxConcurrentPositions, verdict.Rejection);
    }

    [Fact]
    public void CheckEntry_SymbolAlreadyHeld_IsRefused()
    {
        var verdict = PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(), RiskTestData.Portfolio(exposures: [Position("ETHUSDT")]), EthLong);

        Assert.Equal(RiskRejectionCode.SymbolAlreadyTraded, verdict.Rejection);
    }

    [Fact]
    public void CheckEntry_DailyLossIncludingUnrealisedAtLimit_IsRefusedWithoutTrip()
    {
        var verdict = PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(), RiskTestData.Portfolio(equity: 9_700m), EthLong);

        Assert.Equal(RiskRejectionCode.DailyLossLimit, verdict.Rejection);
        Assert.Null(verdict.TripReason);
    }

    [Fact]
    public void CheckEntry_DrawdownAtKillSwitchLimit_DemandsTripWithFlatten()
    {
        var verdict = PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(), RiskTestData.Portfolio(equity: 9_400m), EthLong);

        Assert.Equal(RiskRejectionCode.KillSwitchTripped, verdict.Rejection);
        Assert.NotNull(verdict.TripReason);
        Assert.True(verdict.TripFlatten);
    }

    [Fact]
    public void CheckEntry_LosingStreakAtLimit_DemandsTripWithoutFlatten()
    {
        var verdict = PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(maxLosses: 4), RiskTestData.Portfolio(losses: 4), EthLong);

        Assert.Equal(RiskRejectionCode.ConsecutiveLosses, verdict.Rejection);
        Assert.False(verdict.TripFlatten);
    }

    [Fact]
    public void CheckEntry_KillSwitchTripped_RefusesEvenWhenNumbersRecovered()
    {
        var state = RiskTestData.Portfolio(equity: 12_000m) with { KillSwitch = KillSwitch.Armed.Trip("manual", RiskTestData.Noon, false).Next };

        Assert.Equal(RiskRejectionCode.KillSwitchTripped, PortfolioRiskLimits.CheckEntry(RiskTestData.Limits(), state, EthLong).Rejection);
    }

    [Fact]
    public void CheckCorrelatedExposure_SecondCorrelatedLong_IsRefused()
    {
        var state = RiskTestData.Portfolio(exposures: [Position("BTCUSDT", 1_000m, 1m)]);

        var verdict = PortfolioRiskLimits.CheckCorrelatedExposure(RiskTestData.Limits(), state, EthLong, notional: 1_000m);

        Assert.Equal(RiskRejectionCode.CorrelatedExposure, verdict.Rejection);
    }

    [Fact]
    public void CheckCorrelatedExposure_BalancedByUncorrelatedOrOpposite_IsAllowed()
    {
        var state = RiskTestData.Portfolio(exposures: [Position("BTCUSDT", 1_000m, 1m), Position("XMRUSDT", 2_000m, 0.1m), Position("SOLUSDT", 1_000m, 0.9m, PositionDirection.Short)]);

        Assert.True(PortfolioRiskLimits.CheckCorrelatedExposure(RiskTestData.Limits(), state, EthLong, notional: 1_000m).IsAllowed);
        Assert.True(PortfolioRiskLimits.CheckCorrelatedExposure(RiskTestData.Limits(), RiskTestData.Portfolio(), EthLong, notional: 1_000m).IsAllowed);
    }

    [Fact]
    public void DailyBaseline_SameUtcDay_KeepsStartEvenAfterGainsOrLosses()
    {
        var baseline = DailyEquityBaseline.Start(RiskTestData.Noon, 10_000m);

        Assert.Same(baseline, baseline.RollTo(RiskTestData.Noon.AddHours(11), 15_000m));
        Assert.Same(baseline, baseline.RollTo(RiskTestData.Noon.AddHours(11), 5_000m));
        var tomorrow = baseline.RollTo(RiskTestData.Noon.AddHours(12), 9_000m);
        Assert.Equal(new DateOnly(2026, 11, 27), tomorrow.Day);
        Assert.Equal(9_000m, tomorrow.StartEquity);
        Assert.Equal(0.1m, baseline.LossFraction(9_000m));
        Assert.Equal(0m, baseline.LossFraction(11_000m));
    }
}
