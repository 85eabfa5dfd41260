using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Accounting;

public class PositionStateTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddedAtTwoPrices_AverageEntryIsQuantityWeighted()
    {
        var position = PositionState.Opened(InstrumentSymbol.Parse("ETHUSDT"), PositionDirection.Long, 0.3m, 3000m, 0m, At).Added(0.1m, 3100m, 0m);

        Assert.Equal(0.4m, position.Quantity);
        Assert.Equal(3025m, position.AverageEntryPrice);
    }

    [Fact]
    public void ShortReducedInThirds_RealisedSumsToTheExactPriceMoveWithNoResidue()
    {
        var position = PositionState.Opened(InstrumentSymbol.Parse("SOLUSDT"), PositionDirection.Short, 1m, 100m, 0m, At).Added(2m, 101m, 0m);
        var realised = 0m;
        foreach (var (quantity, price) in new[] { (1m, 99m), (1m, 98.5m), (1m, 97m) })
        {
            (position, var part) = position.Reduced(quantity, price, 0m);
            realised += part;
        }

        // Entered 302 USDT of notional, left at 294.5: a short earns the difference, to the last digit.
        Assert.Equal(302m - 294.5m, realised);
        Assert.Equal((0m, 0m), (position.Quantity, position.EntryValue));
    }

    [Fact]
    public void UnrealisedAtTheMark_SignedByDirection()
    {
        var longPosition = PositionState.Opened(InstrumentSymbol.Parse("BTCUSDT"), PositionDirection.Long, 0.5m, 60000m, 0m, At);
        var shortPosition = longPosition with { Direction = PositionDirection.Short };

        Assert.Equal(500m, longPosition.UnrealisedPnlAt(61000m));
        Assert.Equal(-500m, shortPosition.UnrealisedPnlAt(61000m));
    }
}
