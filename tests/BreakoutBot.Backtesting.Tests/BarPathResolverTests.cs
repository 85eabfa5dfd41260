using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

public sealed class BarPathResolverTests
{
    private static readonly ManagedPosition Long = PositionOpening.Open(
        "p", Bars.Btc, PositionDirection.Long, entryPrice: 100m, stop: 98m, quantity: 2m, Bars.Start,
        [new TakeProfitLevel { LevelName = "tp1", RewardMultiple = 1m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Fixed }]);

    [Fact]
    public void ABarTouchingBothStopAndTarget_GoesEitherWayAlongTheSeededPath_NeverAlwaysTheFriendlyWay()
    {
        // Rising bars visit their low first more often (the simulator's rule), so the stop comes first in most seeds.
        var bar = Bars.At(1, 100m, 102.5m, 97.5m, 101m);
        var outcomes = Enumerable.Range(0, 200).Select(seed => BarPathResolver.TargetsBeforeStop(Long, bar, Bars.Btc, barIndex: 1, seed)).ToList();

        var targetFirst = outcomes.Where(outcome => outcome is not null).ToList();
        Assert.InRange(targetFirst.Count, 1, 199);
        Assert.All(targetFirst, outcome =>
        {
            Assert.Equal([(ExitReason.TakeProfit, 1m, 102m), (ExitReason.StopLoss, 1m, 98m)], outcome!.Exits.Select(exit => (exit.Reason, exit.Quantity, exit.Price)));
            Assert.Equal(PositionStatus.Closed, outcome.Position.Status);
        });
    }

    [Fact]
    public void TheSameSeed_DecidesTheSameWay()
    {
        var bar = Bars.At(1, 100m, 102.5m, 97.5m, 101m);

        Assert.All(Enumerable.Range(0, 20), seed => Assert.Equal(
            BarPathResolver.TargetsBeforeStop(Long, bar, Bars.Btc, 1, seed) is null,
            BarPathResolver.TargetsBeforeStop(Long, bar, Bars.Btc, 1, seed) is null));
    }

    [Theory]
    [InlineData(100, 101, 97.5, 100.5)]  // stop only
    [InlineData(100, 102.5, 99, 101)]    // target only
    [InlineData(97, 102.5, 96, 101)]     // opens through the stop
    public void ABarThatIsNotAmbiguous_IsLeftToThePositionRules(decimal open, decimal high, decimal low, decimal close)
    {
        Assert.Null(BarPathResolver.TargetsBeforeStop(Long, Bars.At(1, open, high, low, close), Bars.Btc, 1, seed: 7));
    }
}
