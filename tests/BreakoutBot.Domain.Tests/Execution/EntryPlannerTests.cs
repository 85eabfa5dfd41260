using BreakoutBot.Domain.Execution;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Tests.Risk;
using BreakoutBot.Domain.Trading;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Execution;

public class EntryPlannerTests
{
    private static readonly Instrument Btc = RiskTestData.Btc();

    private static ExecutionConfig Config(bool twap = true, bool iceberg = true, decimal minNotional = 1_000m, int minSlices = 2, int maxSlices = 6, decimal interval = 2m, int deadmanMs = 10_000) => new()
    {
        EnableTwap = twap,
        EnableIceberg = iceberg,
        MaxDepthFraction = 0.25m,
        TwapMinSlices = minSlices,
        TwapMaxSlices = maxSlices,
        TwapIntervalSeconds = interval,
        IcebergMinNotional = minNotional,
        LimitOffsetBps = 1.5m,
        SpreadWidenBps = 10m,
        DeadmanTimeoutMs = deadmanMs,
        TakerFeeBps = 5.5m,
        MakerFeeBps = 2m,
    };

    [Fact]
    public void Plan_TwapOff_IsOneSliceRestingUpToTheDeadman()
    {
        var plan = EntryPlanner.Plan(Config(twap: false), Btc, 0.5m, 50_000m, depthNotional: 1_000m);

        Assert.Equal([0.5m], plan.Slices);
        Assert.Equal(TimeSpan.Zero, plan.SliceInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.PassiveWindow);
    }

    [Fact]
    public void Plan_BelowIcebergMinNotional_IsOneSlice()
    {
        var plan = EntryPlanner.Plan(Config(minNotional: 30_000m), Btc, 0.5m, 50_000m, depthNotional: 1_000m);

        Assert.Single(plan.Slices);
    }

    [Fact]
    public void Plan_DeepBook_UsesTheMinimumSlices()
    {
        var plan = EntryPlanner.Plan(Config(minSlices: 2), Btc, 0.5m, 50_000m, depthNotional: 10_000_000m);

        Assert.Equal([0.25m, 0.25m], plan.Slices);
        Assert.Equal(TimeSpan.FromSeconds(2), plan.SliceInterval);
    }

    [Fact]
    public void Plan_ThinBook_SlicesSoEachTakesAtMostItsShareOfTheDepth()
    {
        // 25 000 USDT against 40 000 visible: a slice may take 10 000, so three slices of 0.166 / 0.166 / 0.168.
        var plan = EntryPlanner.Plan(Config(minSlices: 2, maxSlices: 6), Btc, 0.5m, 50_000m, depthNotional: 40_000m);

        Assert.Equal([0.166m, 0.166m, 0.168m], plan.Slices);
    }

    [Fact]
    public void Plan_VeryThinBook_StopsAtTheMaximumSlices()
    {
        var plan = EntryPlanner.Plan(Config(maxSlices: 4), Btc, 0.5m, 50_000m, depthNotional: 100m);

        Assert.Equal(4, plan.Slices.Count);
    }

    [Fact]
    public void Plan_SlicesWouldBeBelowTheMinimumOrder_FewerSlices()
    {
        // 0.003 BTC at lot 0.001 / min 0.001 can be three slices at most, whatever the book.
        var plan = EntryPlanner.Plan(Config(minSlices: 5, maxSlices: 6, minNotional: 1m), Btc, 0.003m, 10_000m, depthNotional: 1m);

        Assert.Equal([0.001m, 0.001m, 0.001m], plan.Slices);
    }

    [Fact]
    public void Plan_DeadmanShorterThanSlicesTimesInterval_CompressesTheIntervalSoEveryWindowEndsInTime()
    {
        var plan = EntryPlanner.Plan(Config(minSlices: 4, maxSlices: 4, interval: 2.5m, deadmanMs: 8_000), Btc, 0.4m, 50_000m, depthNotional: null);

        Assert.Equal(4, plan.Slices.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), plan.SliceInterval);
        Assert.True(plan.StartOf(plan.Slices.Count - 1) + plan.PassiveWindow <= plan.Deadline);
    }

    [Fact]
    public void Plan_AnyInputs_SlicesAddUpExactlyAndEachIsAValidOrder()
    {
        Gen.Select(Gen.Int[1, 5_000], Gen.Int[1, 50], Gen.Int[1, 50], Gen.Decimal[0m, 1_000_000m], Gen.Int[500, 60_000])
            .Sample((lots, minSlices, extraSlices, depth, deadman) =>
            {
                var quantity = lots * 0.001m;
                var config = Config(minSlices: minSlices, maxSlices: Math.Min(50, minSlices + extraSlices), minNotional: 1m, deadmanMs: deadman);
                var plan = EntryPlanner.Plan(config, Btc, quantity, 50_000m, depth);

                Assert.Equal(quantity, plan.TotalQuantity);
                Assert.All(plan.Slices, slice => Assert.Equal(InstrumentRuleViolation.None, Btc.CheckOrderSize(slice, 50_000m, isMarketOrder: true)));
                Assert.True(plan.StartOf(plan.Slices.Count - 1) + plan.PassiveWindow <= plan.Deadline + TimeSpan.FromMilliseconds(1));
            });
    }

    [Fact]
    public void ChooseOrder_BuyInsideTheSpreadLimit_RestsPostOnlyBehindTheBid()
    {
        var plan = EntryPlanner.Plan(Config(), Btc, 0.5m, 50_000m, null);

        var order = EntryPlanner.ChooseOrder(Config(), plan, Btc, OrderSide.Buy, bestBid: 50_000m, bestAsk: 50_000.1m);

        Assert.True(order.IsPassive);
        Assert.Equal(49_992.5m, order.LimitPrice); // 50 000 × (1 − 1.5 bps), floored to the 0.1 tick
    }

    [Fact]
    public void ChooseOrder_SellInsideTheSpreadLimit_RestsPostOnlyAboveTheAsk()
    {
        var plan = EntryPlanner.Plan(Config(), Btc, 0.5m, 50_000m, null);

        var order = EntryPlanner.ChooseOrder(Config(), plan, Btc, OrderSide.Sell, bestBid: 50_000m, bestAsk: 50_000.1m);

        Assert.True(order.IsPassive);
        Assert.Equal(50_007.7m, order.LimitPrice); // 50 000.1 × (1 + 1.5 bps) = 50 007.6015, raised to the 0.1 tick
    }

    [Fact]
    public void ChooseOrder_WideSpread_GoesAtMarketAndSaysWhy()
    {
        var plan = EntryPlanner.Plan(Config(), Btc, 0.5m, 50_000m, null);

        var order = EntryPlanner.ChooseOrder(Config(), plan, Btc, OrderSide.Buy, bestBid: 50_000m, bestAsk: 50_100m);

        Assert.False(order.IsPassive);
        Assert.Contains("spread", order.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseOrder_IcebergOffOrNoBook_GoesAtMarket()
    {
        var off = EntryPlanner.Plan(Config(iceberg: false), Btc, 0.5m, 50_000m, null);
        var on = EntryPlanner.Plan(Config(), Btc, 0.5m, 50_000m, null);

        Assert.False(EntryPlanner.ChooseOrder(Config(iceberg: false), off, Btc, OrderSide.Buy, 50_000m, 50_000.1m).IsPassive);
        Assert.False(EntryPlanner.ChooseOrder(Config(), on, Btc, OrderSide.Buy, null, 50_000.1m).IsPassive);
    }

    [Fact]
    public void DepthAllowance_TwapOnAllowsOneShareOfTheDepthPerSlice()
    {
        Assert.Equal(60_000m, EntryPlanner.DepthAllowance(Config(maxSlices: 6), 10_000m));
        Assert.Equal(10_000m, EntryPlanner.DepthAllowance(Config(twap: false), 10_000m));
    }

    [Fact]
    public void TakingDepth_LongTakesAsksShortTakesBids()
    {
        var book = new OrderBookSnapshot(Btc.Symbol, [new PriceLevel(100m, 2m), new PriceLevel(99m, 50m)], [new PriceLevel(100.01m, 3m), new PriceLevel(101m, 50m)], RiskTestData.Noon);

        Assert.Equal(300.03m, EntryPlanner.TakingDepth(book, PositionDirection.Long));
        Assert.Equal(200m, EntryPlanner.TakingDepth(book, PositionDirection.Short));
    }
}
