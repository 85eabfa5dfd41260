using BreakoutBot.Domain.OrderFlow;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Positions.PositionTestData;

namespace BreakoutBot.Domain.Tests.Positions;

/// <summary><c>position_config.tp_smart_placement</c>: each field moves (or keeps) a rung's price.</summary>
public class TakeProfitPlacerTests
{
    private static readonly TakeProfitSmartPlacement AllOn = new()
    {
        Enabled = true,
        AvoidDensityZones = true,
        DensityZoneBufferBps = 10m,
        AvoidSrLevels = true,
        SrLevelBufferBps = 15m,
        PreferRoundNumbers = true,
        RoundNumberStep = 0.10m,
        MaxAdjustmentBps = 20m,
    };

    private static readonly TakeProfitSmartPlacement AllOff = AllOn with { AvoidDensityZones = false, AvoidSrLevels = false, PreferRoundNumbers = false };

    [Theory]
    [InlineData(PositionDirection.Long, 101.03, 101.0)]  // down onto the round number, towards the entry
    [InlineData(PositionDirection.Short, 98.97, 99.0)]   // up onto it for a short
    [InlineData(PositionDirection.Long, 100.05, 100.05)] // the round number 100 is the entry: not beyond it, not moved
    public void Place_PreferRoundNumbers_SnapsTowardsTheEntry(PositionDirection direction, double fixedPrice, double expected)
    {
        var price = TakeProfitPlacer.Place((decimal)fixedPrice, 100m, direction, AllOff with { PreferRoundNumbers = true }, TakeProfitMarket.None);

        Assert.Equal((decimal)expected, price);
    }

    [Fact]
    public void Place_RoundNumbersOff_KeepsTheFixedPrice()
    {
        Assert.Equal(101.03m, TakeProfitPlacer.Place(101.03m, 100m, PositionDirection.Long, AllOff, TakeProfitMarket.None));
    }

    [Theory]
    [InlineData(true, 20, 100.868470)]   // a resistance at 101.02 under the rung at 101.05: 15 bps in front of it (17.9 bps moved)
    [InlineData(true, 10, 101.05)]       // ... unless that is more than max_adjustment_bps
    [InlineData(false, 20, 101.05)]      // avoid_sr_levels off
    public void Place_AvoidSrLevels_StepsInFrontOfALevelItWouldCross(bool avoid, int maxAdjustmentBps, double expected)
    {
        var rules = AllOff with { AvoidSrLevels = avoid, MaxAdjustmentBps = maxAdjustmentBps };

        var price = TakeProfitPlacer.Place(101.05m, 100m, PositionDirection.Long, rules, new TakeProfitMarket([101.02m, 99m], []));

        Assert.Equal((decimal)expected, price);
    }

    [Theory]
    [InlineData(OrderSide.Sell, true, 100.899)] // an ask wall from 101.00: 10 bps in front of its near edge
    [InlineData(OrderSide.Buy, true, 101.05)]   // a bid wall does not stand in a long's exit
    [InlineData(OrderSide.Sell, false, 101.05)] // avoid_density_zones off
    public void Place_AvoidDensityZones_StepsInFrontOfAnOpposingWall(OrderSide side, bool avoid, double expected)
    {
        var rules = AllOff with { AvoidDensityZones = avoid };
        var market = new TakeProfitMarket([], [new DensityZone(side, 101.00m, 101.10m, 50m, 2m)]);

        Assert.Equal((decimal)expected, TakeProfitPlacer.Place(101.05m, 100m, PositionDirection.Long, rules, market));
    }

    [Fact]
    public void Place_Disabled_MovesNothing()
    {
        var market = new TakeProfitMarket([101.02m], [new DensityZone(OrderSide.Sell, 101.00m, 101.10m, 50m, 2m)]);

        Assert.Equal(101.05m, TakeProfitPlacer.Place(101.05m, 100m, PositionDirection.Long, AllOn with { Enabled = false }, market));
    }

    [Fact]
    public void Open_SmartRungMovesFixedRungStays()
    {
        TakeProfitLevel[] ladder =
        [
            new() { LevelName = "tp1", RewardMultiple = 1m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Fixed },
            new() { LevelName = "tp2", RewardMultiple = 2m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Smart },
        ];
        var rules = AllOff with { AvoidSrLevels = true, SrLevelBufferBps = 0m, MaxAdjustmentBps = 50m };
        // 1 R = 600: tp1 at 60,600 (a level at 60,550 is ignored for a fixed rung), tp2 at 61,200 moves to the level at 61,150.
        var market = new TakeProfitMarket([60_550m, 61_150m], []);

        var position = PositionOpening.Open("p1", Btc, PositionDirection.Long, 60_000m, 59_400m, 1m, Start, ladder, placement: (rules, market));

        Assert.Equal([60_600m, 61_150m], position.Targets.Select(target => target.Price));
    }
}
