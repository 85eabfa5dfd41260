using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Risk;

namespace BreakoutBot.Domain.Tests.Risk;

public class EntrySlotsTests
{
    [Fact]
    public async Task TryReserve_ManySignalsAtOnce_NeverExceedsCapacity()
    {
        var slots = new EntrySlots(capacity: 3);
        var symbols = Enumerable.Range(0, 64).Select(i => InstrumentSymbol.Parse($"COIN{i}USDT")).ToArray();
        using var start = new ManualResetEventSlim();

        var attempts = symbols.Select(symbol => Task.Run(() =>
        {
            start.Wait();
            return slots.TryReserve(symbol);
        }, TestContext.Current.CancellationToken)).ToArray();
        start.Set();
        var granted = await Task.WhenAll(attempts);

        Assert.Equal(3, granted.Count(ok => ok));
        Assert.Equal(3, slots.Count);
    }

    [Fact]
    public void TryReserve_SameSymbolTwice_SecondIsRefused()
    {
        var slots = new EntrySlots(capacity: 5);
        var btc = InstrumentSymbol.Parse("BTCUSDT");

        Assert.True(slots.TryReserve(btc));
        Assert.False(slots.TryReserve(btc));
        Assert.True(slots.Release(btc));
        Assert.False(slots.Release(btc));
        Assert.True(slots.TryReserve(btc));
    }
}
