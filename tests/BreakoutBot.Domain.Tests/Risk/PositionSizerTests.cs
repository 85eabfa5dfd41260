using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Trading;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Risk;

public class PositionSizerTests
{
    private static PositionSizingRequest Request(decimal entry = 60_000m, decimal stop = 59_400m, PositionDirection direction = PositionDirection.Long) => new()
    {
        Equity = 10_000m,
        RiskFraction = 0.01m,
        Direction = direction,
        Entry = entry,
        Stop = stop,
        Instrument = RiskTestData.Btc(),
    };

    [Fact]
    public void Size_LongWithStopBelow_RoundsDownToLotStep()
    {
        // 100 USDT at risk / 600 per BTC = 0.16666… → 0.166 BTC.
        var decision = PositionSizer.Size(Request());

        Assert.True(decision.IsApproved, decision.Detail);
        Assert.Equal(0.166m, decision.Quantity);
        Assert.Equal(9_960m, decision.Notional);
        Assert.Equal(99.6m, decision.RiskAmount);
    }

    [Fact]
    public void Size_ShortWithStopAbove_IsSizedLikeALong()
    {
        var decision = PositionSizer.Size(Request(entry: 60_000m, stop: 60_600m, direction: PositionDirection.Short));

        Assert.True(decision.IsApproved, decision.Detail);
        Assert.Equal(0.166m, decision.Quantity);
    }

    [Theory]
    [InlineData(60_000, 60_000, PositionDirection.Long)]
    [InlineData(60_000, 60_600, PositionDirection.Long)]
    [InlineData(60_000, 59_400, PositionDirection.Short)]
    public void Size_StopOnWrongSideOrAtEntry_IsRejectedAsInvalidStop(decimal entry, decimal stop, PositionDirection direction)
    {
        var decision = PositionSizer.Size(Request(entry, stop, direction));

        Assert.False(decision.IsApproved);
        Assert.Equal(RiskRejectionCode.InvalidStop, decision.Rejection);
        Assert.Equal(0m, decision.Quantity);
    }

    [Fact]
    public void Size_NotionalCap_LimitsQuantityAndSaysSo()
    {
        var decision = PositionSizer.Size(Request() with { MaxPositionNotional = 3_000m });

        Assert.Equal(0.05m, decision.Quantity);
        Assert.Contains("max position 3000 USDT", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_ThinDepth_TakesOnlyTheAllowedShare()
    {
        var decision = PositionSizer.Size(Request() with { AvailableDepthNotional = 10_000m, MaxDepthFraction = 0.25m });

        Assert.Equal(0.041m, decision.Quantity);
        Assert.Contains("depth", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_Leverage_CapsNotionalAtEquityTimesLeverage()
    {
        var decision = PositionSizer.Size(Request(entry: 60_000m, stop: 59_999m) with { Leverage = 2m });

        Assert.Equal(0.333m, decision.Quantity);
        Assert.True(decision.Notional <= 20_000m);
    }

    [Fact]
    public void Size_AboveTheVenuesMaximumMarketOrder_IsCappedThereAndSaysSo_NotRefused()
    {
        // 100 USDT / 0.001 per unit = 100 000 units; the venue takes at most 500 in one market order.
        var decision = PositionSizer.Size(Request(entry: 1m, stop: 0.999m));

        Assert.True(decision.IsApproved, decision.Detail);
        Assert.Equal(500m, decision.Quantity);
        Assert.True(decision.RiskAmount < 100m);
        Assert.Contains("maximum market order 500", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_BelowVenueMinimum_IsRejectedNotRoundedUp()
    {
        var decision = PositionSizer.Size(Request() with { Equity = 30m });

        Assert.False(decision.IsApproved);
        Assert.Equal(RiskRejectionCode.BelowMinimumOrderSize, decision.Rejection);
    }

    [Fact]
    public void Size_WithFees_CountsBothTakerFeesIntoRisk()
    {
        var decision = PositionSizer.Size(Request() with { TakerFeeRate = 0.00055m });

        // Risk per BTC = 600 + (60000 + 59400) × 0.00055 = 665.67 → 100 / 665.67 = 0.1502… → 0.150.
        Assert.Equal(0.150m, decision.Quantity);
        Assert.True(decision.RiskAmount <= 100m);
    }

    [Fact]
    public void Size_ZeroEquity_IsRejected()
    {
        Assert.Equal(RiskRejectionCode.InvalidEquity, PositionSizer.Size(Request() with { Equity = 0m }).Rejection);
    }

    [Fact]
    public void Size_RandomPricesAndSteps_RiskAfterRoundingNeverExceedsTarget()
    {
        var steps = new[] { 0.001m, 0.01m, 0.1m, 1m, 10m, 100m };
        Gen.Select(Gen.Int[100, 100_000_000], Gen.Int[1, 5_000], Gen.Int[0, steps.Length - 1], Gen.Int[1, 200], Gen.Int[100, 1_000_000_00])
            .Sample((entryCents, stopBps, stepIndex, riskBps, equityCents) =>
            {
                var entry = entryCents / 100m;
                var stop = entry * (1 - (stopBps / 10_000m));
                var request = new PositionSizingRequest
                {
                    Equity = equityCents / 100m,
                    RiskFraction = riskBps / 10_000m,
                    Direction = PositionDirection.Long,
                    Entry = entry,
                    Stop = stop,
                    Instrument = RiskTestData.Btc(qtyStep: steps[stepIndex], minQty: steps[stepIndex], minNotional: 0m),
                    TakerFeeRate = 0.00055m,
                };

                var decision = PositionSizer.Size(request);
                if (!decision.IsApproved)
                {
                    return;
                }

                var target = request.Equity * request.RiskFraction;
                if (decision.RiskAmount > target || decision.Quantity % steps[stepIndex] != 0 || decision.Quantity <= 0)
                {
                    throw new InvalidOperationException($"qty {decision.Quantity} risk {decision.RiskAmount} > target {target} (step {steps[stepIndex]})");
                }
            });
    }
}
