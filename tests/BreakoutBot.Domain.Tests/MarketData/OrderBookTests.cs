using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Tests.MarketData;

/// <summary>Follows refdata/bybit/samples/ws/public_orderbook50_sequence_testvector.json step by step.</summary>
public class OrderBookTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1760325060000);

    [Fact]
    public void ApplyDelta_TestVectorSequence_MatchesExpectedBooks()
    {
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));
        book.ApplySnapshot(
            [new(66666.60m, 2.789m), new(66666.50m, 0.120m), new(66666.00m, 1.000m), new(66665.10m, 0.350m), new(66664.00m, 4.000m)],
            [new(66666.70m, 3.775m), new(66666.80m, 0.010m), new(66667.50m, 0.900m), new(66668.00m, 2.500m), new(66670.00m, 7.125m)],
            updateId: 1000,
            sequence: 9532240000,
            Time);

        // u 1001: overwrite the best bid, insert a bid, delete the best ask, insert an ask.
        Assert.Equal(
            OrderBookUpdateResult.Applied,
            book.ApplyDelta([new(66666.60m, 1.500m), new(66666.20m, 0.400m)], [new(66666.70m, 0m), new(66666.75m, 0.050m)], 1001, 9532240007, Time));
        AssertBook(
            book,
            [(66666.60m, 1.500m), (66666.50m, 0.120m), (66666.20m, 0.400m), (66666.00m, 1.000m), (66665.10m, 0.350m), (66664.00m, 4.000m)],
            [(66666.75m, 0.050m), (66666.80m, 0.010m), (66667.50m, 0.900m), (66668.00m, 2.500m), (66670.00m, 7.125m)]);

        // u 1002: delete a bid given with a different scale than it was inserted with ("66665.1" vs "66665.10").
        Assert.Equal(OrderBookUpdateResult.Applied, book.ApplyDelta([new(66665.1m, 0m)], [], 1002, 9532240011, Time));

        // u 1003: asks only.
        Assert.Equal(
            OrderBookUpdateResult.Applied,
            book.ApplyDelta([], [new(66666.75m, 0m), new(66666.80m, 0.210m), new(66669.00m, 1.111m)], 1003, 9532240020, Time));
        AssertBook(
            book,
            [(66666.60m, 1.500m), (66666.50m, 0.120m), (66666.20m, 0.400m), (66666.00m, 1.000m), (66664.00m, 4.000m)],
            [(66666.80m, 0.210m), (66667.50m, 0.900m), (66668.00m, 2.500m), (66669.00m, 1.111m), (66670.00m, 7.125m)]);
        Assert.Equal(1003, book.UpdateId);
        Assert.Equal(9532240020, book.Sequence);

        // u 1 snapshot after a service restart: start over, then deltas continue from 1.
        book.ApplySnapshot([new(66660.00m, 5.000m), new(66659.50m, 1.250m)], [new(66660.10m, 0.800m), new(66661.00m, 3.000m)], 1, 9532240100, Time);
        Assert.Equal(
            OrderBookUpdateResult.Applied,
            book.ApplyDelta([new(66660.00m, 4.200m)], [new(66660.10m, 0m), new(66660.50m, 0.300m)], 2, 9532240104, Time));
        AssertBook(book, [(66660.00m, 4.200m), (66659.50m, 1.250m)], [(66660.50m, 0.300m), (66661.00m, 3.000m)]);
    }

    [Fact]
    public void ApplyDelta_UpdateIdSkipsAhead_ReportsGapAndStopsServingBook()
    {
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));
        book.ApplySnapshot([new(66700.00m, 1.000m)], [new(66700.10m, 1.000m)], 5000, 9532250000, Time);
        book.ApplyDelta([new(66700.00m, 2.000m)], [], 5001, 9532250003, Time);

        var result = book.ApplyDelta([new(66699.90m, 0.500m)], [], 5003, 9532250009, Time);

        Assert.Equal(OrderBookUpdateResult.Gap, result);
        Assert.False(book.IsSynchronized);
        Assert.Equal(5001, book.UpdateId);
        Assert.Null(book.ToSnapshot());
        Assert.Equal(OrderBookUpdateResult.AwaitingSnapshot, book.ApplyDelta([], [], 5002, 9532250010, Time));

        book.ApplySnapshot([new(66700.00m, 2.000m)], [new(66700.10m, 1.000m)], 5004, 9532250012, Time);
        Assert.True(book.IsSynchronized);
        AssertBook(book, [(66700.00m, 2.000m)], [(66700.10m, 1.000m)]);
    }

    [Fact]
    public void ApplyDelta_BeforeAnySnapshot_AwaitsSnapshot()
    {
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));

        Assert.Equal(OrderBookUpdateResult.AwaitingSnapshot, book.ApplyDelta([new(1m, 1m)], [], 1, 1, Time));
        Assert.Null(book.ToSnapshot());
    }

    [Fact]
    public void ApplyDelta_ReplayedUpdateId_IgnoredAsStale()
    {
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));
        book.ApplySnapshot([new(100m, 1m)], [new(101m, 1m)], 10, 1, Time);

        Assert.Equal(OrderBookUpdateResult.Stale, book.ApplyDelta([new(100m, 9m)], [], 10, 2, Time));
        Assert.True(book.IsSynchronized);
        AssertBook(book, [(100m, 1m)], [(101m, 1m)]);
    }

    [Fact]
    public void ApplyDelta_NegativeQuantity_ThrowsWithoutChangingBook()
    {
        var book = new OrderBook(InstrumentSymbol.Parse("BTCUSDT"));
        book.ApplySnapshot([new(100m, 1m)], [new(101m, 1m)], 10, 1, Time);

        var error = Assert.Throws<ArgumentException>(() => book.ApplyDelta([new(100m, 5m)], [new(101m, -1m)], 11, 2, Time));

        Assert.Equal("asks", error.ParamName);
        Assert.Equal(10, book.UpdateId);
        AssertBook(book, [(100m, 1m)], [(101m, 1m)]);
    }

    private static void AssertBook(OrderBook book, (decimal Price, decimal Quantity)[] bids, (decimal Price, decimal Quantity)[] asks)
    {
        var snapshot = book.ToSnapshot();
        Assert.NotNull(snapshot);
        Assert.Equal(bids, snapshot.Bids.Select(l => (l.Price, l.Quantity)));
        Assert.Equal(asks, snapshot.Asks.Select(l => (l.Price, l.Quantity)));
    }
}
