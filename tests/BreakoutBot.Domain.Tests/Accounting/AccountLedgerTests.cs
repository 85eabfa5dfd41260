using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Accounting.LedgerFixtures;

namespace BreakoutBot.Domain.Tests.Accounting;

public class AccountLedgerTests
{
    [Fact]
    public void Apply_OpenLongWithTakerFee_WalletDropsOnlyByTheFee()
    {
        var ledger = new AccountLedger(10_000m);

        var result = ledger.Apply(TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m));

        Assert.Equal(FillOutcome.Applied, result.Outcome);
        Assert.Equal(9_983.5m, ledger.WalletBalance);
        Assert.Equal(0m, ledger.UnrealisedPnl);
        Assert.Equal(9_983.5m, ledger.Equity);
        var position = Assert.IsType<PositionState>(result.Position);
        Assert.Equal(PositionDirection.Long, position.Direction);
        Assert.Equal(0.5m, position.Quantity);
        Assert.Equal(60_000m, position.AverageEntryPrice);
        Assert.Equal(16.5m, position.FeesPaid);
    }

    [Fact]
    public void UpdateMarkPrice_LongMarkedUp_UnrealisedAndEquityRise()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m));

        Assert.True(ledger.UpdateMarkPrice(Btc, 61_000m));

        Assert.Equal(500m, ledger.UnrealisedPnlOf(Btc));
        Assert.Equal(9_983.5m, ledger.WalletBalance);
        Assert.Equal(10_483.5m, ledger.Equity);
    }

    [Fact]
    public void Apply_PartialCloseAtHigherPrice_RealisesProfitMinusFee()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m));
        ledger.UpdateMarkPrice(Btc, 61_000m);

        var result = ledger.Apply(TakerFill(Btc, OrderSide.Sell, 0.2m, 61_000m));

        Assert.Equal(200m, result.RealisedPnl);
        Assert.Null(result.ClosedTrade);
        Assert.Equal(10_176.79m, ledger.WalletBalance); // 10 000 − 16.50 + 200 − 6.71
        Assert.Equal(300m, ledger.UnrealisedPnl);
        Assert.Equal(10_476.79m, ledger.Equity);
        Assert.Equal(0.3m, result.Position!.Quantity);
        Assert.Equal(60_000m, result.Position.AverageEntryPrice);
        Assert.Equal(200m, ledger.RealisedPnl);
        Assert.Equal(23.21m, ledger.FeesPaid);
    }

    [Fact]
    public void Apply_SellMoreThanLong_ClosesTheLongAndOpensAShortWithTheFeeSplit()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m, Start));
        ledger.Apply(TakerFill(Btc, OrderSide.Sell, 0.2m, 61_000m, Start.AddHours(1)));
        ledger.UpdateMarkPrice(Btc, 59_000m);

        // Fee 16.225: 9.735 for closing the remaining 0.3, 6.49 for opening the 0.2 short.
        var result = ledger.Apply(TakerFill(Btc, OrderSide.Sell, 0.5m, 59_000m, Start.AddHours(2)));

        Assert.Equal(-300m, result.RealisedPnl);
        Assert.Equal(9_860.565m, ledger.WalletBalance);
        var shortPosition = Assert.IsType<PositionState>(result.Position);
        Assert.Equal(PositionDirection.Short, shortPosition.Direction);
        Assert.Equal(0.2m, shortPosition.Quantity);
        Assert.Equal(59_000m, shortPosition.AverageEntryPrice);
        Assert.Equal(6.49m, shortPosition.FeesPaid);
        Assert.Equal(Start.AddHours(2), shortPosition.OpenedAt);
        Assert.Equal(0m, ledger.UnrealisedPnl);

        var trade = Assert.IsType<ClosedTrade>(result.ClosedTrade);
        Assert.Equal(PositionDirection.Long, trade.Direction);
        Assert.Equal(60_000m, trade.EntryAveragePrice);
        Assert.Equal(59_800m, trade.ExitAveragePrice); // (0.2 × 61 000 + 0.3 × 59 000) ÷ 0.5
        Assert.Equal(0.5m, trade.Quantity);
        Assert.Equal(-100m, trade.RealisedPnl);
        Assert.Equal(32.945m, trade.Fees); // 16.5 + 6.71 + 9.735
        Assert.Equal(-132.945m, trade.NetPnl);
        Assert.Equal(Start, trade.OpenedAt);
        Assert.Equal(Start.AddHours(2), trade.ClosedAt);
        Assert.Same(trade, Assert.Single(ledger.ClosedTrades));
    }

    [Fact]
    public void Apply_ShortThenPriceFalls_UnrealisedAndRealisedArePositive()
    {
        var ledger = new AccountLedger(1_000m);
        ledger.Apply(FillWithFee(Eth, OrderSide.Sell, 1m, 3_000m, 0m));
        ledger.UpdateMarkPrice(Eth, 2_900m);

        Assert.Equal(100m, ledger.UnrealisedPnl);
        Assert.Equal(-1m, ledger.PositionOf(Eth)!.SignedQuantity);

        var result = ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 1m, 2_950m, 0m));

        Assert.Equal(50m, result.RealisedPnl);
        Assert.Equal(1_050m, ledger.WalletBalance);
        Assert.Equal(1_050m, ledger.Equity);
        Assert.Null(ledger.PositionOf(Eth));
        Assert.Equal(PositionDirection.Short, result.ClosedTrade!.Direction);
    }

    [Fact]
    public void UpdateMarkPrice_ShortAndPriceRises_UnrealisedIsNegative()
    {
        var ledger = new AccountLedger(1_000m);
        ledger.Apply(FillWithFee(Eth, OrderSide.Sell, 2m, 3_000m, 0m));

        ledger.UpdateMarkPrice(Eth, 3_100m);

        Assert.Equal(-200m, ledger.UnrealisedPnl);
        Assert.Equal(800m, ledger.Equity);
    }

    [Fact]
    public void Apply_AddToLong_AverageEntryIsQuantityWeighted()
    {
        var ledger = new AccountLedger(1_000m);
        ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 1m, 100m, 0.1m));

        var result = ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 3m, 120m, 0.2m));

        Assert.Equal(4m, result.Position!.Quantity);
        Assert.Equal(115m, result.Position.AverageEntryPrice);
        Assert.Equal(0.3m, result.Position.FeesPaid);
        Assert.Equal(999.7m, ledger.WalletBalance);
    }

    [Fact]
    public void Apply_SameFillTwice_SecondTimeChangesNothing()
    {
        var ledger = new AccountLedger(10_000m);
        var fill = TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m);
        ledger.Apply(fill);
        var positionBefore = ledger.PositionOf(Btc);

        var second = ledger.Apply(fill);

        Assert.Equal(FillOutcome.Duplicate, second.Outcome);
        Assert.False(second.IsApplied);
        Assert.Equal(9_983.5m, ledger.WalletBalance);
        Assert.Equal(16.5m, ledger.FeesPaid);
        Assert.Equal(positionBefore, ledger.PositionOf(Btc));
    }

    [Fact]
    public void Apply_ClosingFillRedelivered_DoesNotRealiseTwice()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 1m, 100m, 0m));
        var close = FillWithFee(Btc, OrderSide.Sell, 1m, 110m, 0m);
        ledger.Apply(close);

        var second = ledger.Apply(close);

        Assert.Equal(FillOutcome.Duplicate, second.Outcome);
        Assert.Equal(10_010m, ledger.WalletBalance);
        Assert.Null(ledger.PositionOf(Btc));
        Assert.Single(ledger.ClosedTrades);
    }

    [Theory]
    [InlineData(0, 100, FillRejection.QuantityNotPositive)]
    [InlineData(-1, 100, FillRejection.QuantityNotPositive)]
    [InlineData(1, 0, FillRejection.PriceNotPositive)]
    [InlineData(1, -5, FillRejection.PriceNotPositive)]
    public void Apply_InvalidQuantityOrPrice_RejectedWithReasonAndNothingChanges(int quantity, int price, FillRejection expected)
    {
        var ledger = new AccountLedger(1_000m);
        var fill = FillWithFee(Eth, OrderSide.Buy, quantity, price, 1m);

        var result = ledger.Apply(fill);

        Assert.Equal(FillOutcome.Rejected, result.Outcome);
        Assert.Equal(expected, result.Rejection);
        Assert.Equal(1_000m, ledger.WalletBalance);
        Assert.Empty(ledger.Positions);
        Assert.Null(ledger.MarkPriceOf(Eth));
    }

    [Fact]
    public void Apply_EmptyExecutionId_Rejected()
    {
        var ledger = new AccountLedger(1_000m);

        var result = ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 1m, 100m, 0m) with { ExecutionId = "" });

        Assert.Equal(FillRejection.MissingExecutionId, result.Rejection);
    }

    [Fact]
    public void Apply_NullFill_Throws()
    {
        var ledger = new AccountLedger(1_000m);

        Assert.Throws<ArgumentNullException>(() => ledger.Apply(null!));
    }

    [Fact]
    public void Apply_NegativeFeeRebate_IncreasesWallet()
    {
        var ledger = new AccountLedger(1_000m);

        ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 1m, 100m, -0.02m));

        Assert.Equal(1_000.02m, ledger.WalletBalance);
        Assert.Equal(-0.02m, ledger.FeesPaid);
    }

    [Fact]
    public void ApplyFunding_LongWithPositiveRate_PaysFromWallet()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 0.5m, 60_000m, 0m));

        var result = ledger.ApplyFunding(Btc, 0.0001m, 60_000m, Start.AddHours(8));

        Assert.Equal(FundingOutcome.Applied, result.Outcome);
        Assert.Equal(-3m, result.Amount);
        Assert.Equal(9_997m, ledger.WalletBalance);
        Assert.Equal(-3m, ledger.Funding);
        Assert.Equal(-3m, ledger.PositionOf(Btc)!.Funding);
    }

    [Fact]
    public void ApplyFunding_ShortWithPositiveRate_ReceivesIntoWallet()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Sell, 0.5m, 60_000m, 0m));

        var result = ledger.ApplyFunding(Btc, 0.0001m, 62_000m, Start.AddHours(8));

        Assert.Equal(3.1m, result.Amount); // rate × mark-price value 31 000
        Assert.Equal(10_003.1m, ledger.WalletBalance);
    }

    [Fact]
    public void ApplyFunding_LongWithNegativeRate_Receives()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 1m, 50_000m, 0m));

        var result = ledger.ApplyFunding(Btc, -0.0002m, 50_000m, Start.AddHours(8));

        Assert.Equal(10m, result.Amount);
    }

    [Fact]
    public void ApplyFunding_SameSettlementTwice_SecondIsDuplicate()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 0.5m, 60_000m, 0m));
        ledger.ApplyFunding(Btc, 0.0001m, 60_000m, Start.AddHours(8));

        var second = ledger.ApplyFunding(Btc, 0.0001m, 60_000m, Start.AddHours(8));

        Assert.Equal(FundingOutcome.Duplicate, second.Outcome);
        Assert.Equal(9_997m, ledger.WalletBalance);
    }

    [Fact]
    public void ApplyFunding_NoPosition_NothingPaid()
    {
        var ledger = new AccountLedger(10_000m);

        var result = ledger.ApplyFunding(Btc, 0.0001m, 60_000m, Start);

        Assert.Equal(FundingOutcome.NoPosition, result.Outcome);
        Assert.Equal(10_000m, ledger.WalletBalance);
    }

    [Fact]
    public void ApplyFunding_BeforeClose_IsPartOfTheClosedTrade()
    {
        var ledger = new AccountLedger(10_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 0.5m, 60_000m, 1m));
        ledger.ApplyFunding(Btc, 0.0001m, 60_000m, Start.AddHours(8));

        var result = ledger.Apply(FillWithFee(Btc, OrderSide.Sell, 0.5m, 60_100m, 1m));

        Assert.Equal(-3m, result.ClosedTrade!.Funding);
        Assert.Equal(2m, result.ClosedTrade.Fees);
        Assert.Equal(45m, result.ClosedTrade.NetPnl); // 50 − 2 − 3
        Assert.Equal(10_045m, ledger.WalletBalance);
    }

    [Fact]
    public void Margins_LongAtTenTimesLeverage_ComputedFromMarkValue()
    {
        var ledger = new AccountLedger(10_000m, maintenanceMarginRate: 0.005m);
        ledger.SetLeverage(Instrument(Btc), 10m);
        ledger.Apply(TakerFill(Btc, OrderSide.Buy, 0.5m, 60_000m));
        ledger.UpdateMarkPrice(Btc, 61_000m);

        Assert.Equal(3_050m, ledger.InitialMargin);
        Assert.Equal(152.5m, ledger.MaintenanceMargin);
        Assert.Equal(7_433.5m, ledger.AvailableBalance); // 10 483.5 − 3 050
    }

    [Fact]
    public void Margins_NoLeverageSet_DefaultsToOne()
    {
        var ledger = new AccountLedger(100_000m);
        ledger.Apply(FillWithFee(Btc, OrderSide.Buy, 1m, 60_000m, 0m));

        Assert.Equal(1m, ledger.LeverageOf(Btc));
        Assert.Equal(60_000m, ledger.InitialMargin);
        Assert.Equal(40_000m, ledger.AvailableBalance);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(26)]
    public void SetLeverage_OutsideOneToInstrumentMax_Throws(double leverage)
    {
        var ledger = new AccountLedger(1_000m);

        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.SetLeverage(Instrument(Btc, maxLeverage: 25m), (decimal)leverage));
    }

    [Fact]
    public void UpdateMarkPrice_NotPositive_KeepsTheOldMark()
    {
        var ledger = new AccountLedger(1_000m);
        ledger.UpdateMarkPrice(Eth, 100m);

        Assert.False(ledger.UpdateMarkPrice(Eth, 0m));
        Assert.Equal(100m, ledger.MarkPriceOf(Eth));
    }

    [Fact]
    public void Apply_OpenWithInitialRisk_ClosedTradeHasRMultiple()
    {
        var ledger = new AccountLedger(1_000m);
        ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 2m, 100m, 0m), initialRiskPerUnit: 5m);
        ledger.Apply(FillWithFee(Eth, OrderSide.Buy, 2m, 100m, 0m), initialRiskPerUnit: 50m);

        var result = ledger.Apply(FillWithFee(Eth, OrderSide.Sell, 4m, 110m, 0m));

        Assert.Equal(5m, result.ClosedTrade!.InitialRiskPerUnit); // the add does not replace the initial risk
        Assert.Equal(2m, result.ClosedTrade.RMultiple); // 40 ÷ (5 × 4)
    }

    [Fact]
    public void Snapshot_ReturnsEquityAtTheGivenTime()
    {
        var ledger = new AccountLedger(1_000m);

        Assert.Equal(new EquitySnapshot(Start, 1_000m), ledger.Snapshot(Start));
    }
}
