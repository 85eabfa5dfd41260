using BreakoutBot.Executor.Trading;

namespace BreakoutBot.Executor.Tests;

public sealed class TradingIdsTests
{
    [Fact]
    public void PositionFor_SameSignal_SameIdSoARedeliveredSignalFindsItsPosition()
    {
        Assert.Equal(TradingIds.PositionFor("BTCUSDT:momentum:long:61000:1700000000000"), TradingIds.PositionFor("BTCUSDT:momentum:long:61000:1700000000000"));
        Assert.NotEqual(TradingIds.PositionFor("a"), TradingIds.PositionFor("b"));
    }

    [Fact]
    public void OrderLinkIds_FitBybitsThirtySixCharacters()
    {
        var position = TradingIds.PositionFor(new string('x', 500));
        foreach (var id in new[] { TradingIds.EntrySlice(position, 50), TradingIds.EntryFallback(position, 50), TradingIds.TakeProfit(position, 6), TradingIds.Stop(position, 999), TradingIds.Exit(position, 999) })
        {
            Assert.InRange(id.Length, 1, 36);
        }
    }

    [Fact]
    public void RungOf_TakeProfitLinkId_ReturnsTheRung()
    {
        var position = TradingIds.PositionFor("s");

        Assert.Equal(2, TradingIds.RungOf(TradingIds.TakeProfit(position, 2)));
        Assert.Null(TradingIds.RungOf(TradingIds.EntrySlice(position, 1)));
    }

    [Fact]
    public void SliceOf_EntryLinkIds_ReturnsTheSliceAndWhetherItIsTheMarketCompletion()
    {
        var position = TradingIds.PositionFor("s");

        Assert.Equal((3, false), TradingIds.SliceOf(TradingIds.EntrySlice(position, 3)));
        Assert.Equal((12, true), TradingIds.SliceOf(TradingIds.EntryFallback(position, 12)));
        Assert.Null(TradingIds.SliceOf(TradingIds.TakeProfit(position, 1)));
        Assert.Null(TradingIds.SliceOf(position + "-e"));
    }

    [Fact]
    public void Fill_SameOrderAndCumulativeQuantity_SameIdSoAFillIsBookedOnce()
    {
        Assert.Equal(TradingIds.Fill("o-1", 0.500m), TradingIds.Fill("o-1", 0.5m));
        Assert.NotEqual(TradingIds.Fill("o-1", 0.5m), TradingIds.Fill("o-1", 1m));
    }
}
