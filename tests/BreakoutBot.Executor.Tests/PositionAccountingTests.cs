using BreakoutBot.Data.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;

namespace BreakoutBot.Executor.Tests;

/// <summary>A stored position's money arithmetic (through the Domain's PositionState), exact in decimal.</summary>
public sealed class PositionAccountingTests
{
    [Fact]
    public void EntriesAverage_ExitsRealise_FeesAndRebatesCount()
    {
        var position = TestPositions.Long("p1", "ETHUSDT", PositionRecordStatus.Opening, quantity: 3m);
        position.OpenQuantity = 0m;

        position.AddEntryFill(1m, 100m);
        position.PayFee(0.055m);
        position.AddEntryFill(2m, 103m);
        position.PayFee(0.1133m);
        var realised = position.ReduceByFill(1.5m, 110m);
        position.PayFee(-0.0165m);

        Assert.Equal((1.5m, 102m), (position.OpenQuantity, position.EntryPrice));
        Assert.Equal(12m, realised);
        Assert.Equal(0.1518m, position.Fees);
        Assert.Equal(12m - 0.1518m, position.RealizedPnl);
        Assert.Equal(-3m, position.UnrealisedPnlAt(100m));
    }
}
