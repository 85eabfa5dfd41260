using BreakoutBot.Domain.MarketData;
using CsCheck;

namespace BreakoutBot.Domain.Tests.MarketData;

public class OrderBookSnapshotTests
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1716863719031);

    /// <summary>refdata/bybit/samples/rest/market_orderbook.json: one level per side.</summary>
    private static OrderBookSnapshot RestSample() =>
        new(Btc, [new PriceLevel(65485.47m, 47.081829m)], [new PriceLevel(65557.7m, 16.606555m)], Time, updateId: 230704, sequence: 1432604333);

    /// <summary>The snapshot of ws/public_orderbook50_sequence_testvector.json: five levels per side.</summary>
    private static OrderBookSnapshot FiveLevels() =>
        new(
            Btc,
            [new(66666.60m, 2.789m), new(66666.50m, 0.120m), new(66666.00m, 1.000m), new(66665.10m, 0.350m), new(66664.00m, 4.000m)],
            [new(66666.70m, 3.775m), new(66666.80m, 0.010m), new(66667.50m, 0.900m), new(66668.00m, 2.500m), new(66670.00m, 7.125m)],
            Time);

    [Fact]
    public void MidAndSpread_RestSample_HandComputed()
    {
        var book = RestSample();

        Assert.Equal(65521.585m, book.MidPrice);
        Assert.Equal(72.23m, book.Spread);
        Assert.Equal(11.0238480952m, decimal.Round(book.SpreadBps!.Value, 10));
        Assert.Equal(65485.47m, book.BestBid?.Price);
        Assert.Equal(16.606555m, book.BestAsk?.Quantity);
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void QuantityImbalance_RestSample_HandComputed()
    {
        // (47.081829 − 16.606555) / (47.081829 + 16.606555)
        Assert.Equal(0.4785060020m, decimal.Round(RestSample().QuantityImbalance(10)!.Value, 10));
        Assert.Equal(0.4780809029m, decimal.Round(RestSample().NotionalImbalance(10)!.Value, 10));
    }

    [Fact]
    public void DepthWithinBpsOfMid_RestSample_LevelsAre5Point51BpsFromMid()
    {
        var book = RestSample();

        var narrow = book.DepthWithinBpsOfMid(5m);
        var wide = book.DepthWithinBpsOfMid(6m);

        Assert.Equal(new BookDepth(0m, 0m, 0m, 0m), narrow);
        Assert.Equal(new BookDepth(47.081829m, 16.606555m, 3083175.70052463m, 1088687.5507235m), wide);
        Assert.Equal(wide, book.DepthWithinPercentOfMid(0.3m));
        Assert.Equal(3083175.70052463m + 1088687.5507235m, wide!.Value.TotalNotional);
        Assert.Equal(1088687.5507235m, wide.Value.MinSideNotional);
    }

    [Fact]
    public void DepthWithinBpsOfBestPrices_FiveLevels_CountsLevelsWithinBandOfOwnBest()
    {
        // 0.5 bps of 66666.60 is 3.33: bids down to 66663.27 (all five), asks up to 66670.03 (all five).
        // 0.2 bps is 1.33: bids down to 66665.27 (three levels), asks up to 66668.03 (four levels).
        var book = FiveLevels();

        var depth = book.DepthWithinBpsOfBestPrices(0.2m);

        Assert.Equal(2.789m + 0.120m + 1.000m, depth.BidQuantity);
        Assert.Equal(3.775m + 0.010m + 0.900m + 2.500m, depth.AskQuantity);
        Assert.Equal((66666.60m * 2.789m) + (66666.50m * 0.120m) + (66666.00m * 1.000m), depth.BidNotional);
        Assert.Equal(8.259m, book.DepthWithinBpsOfBestPrices(0.5m).BidQuantity);
        Assert.Equal(14.31m, book.DepthWithinBpsOfBestPrices(0.5m).AskQuantity);
    }

    [Fact]
    public void QuantityImbalance_TopTwoOfFiveLevels_UsesOnlyTopLevels()
    {
        // Bids 2.789 + 0.120 = 2.909, asks 3.775 + 0.010 = 3.785: (2.909 − 3.785) / 6.694.
        Assert.Equal(-0.1308634598m, decimal.Round(FiveLevels().QuantityImbalance(2)!.Value, 10));
    }

    [Fact]
    public void Constructor_UnsortedLevels_SortsBidsDescendingAsksAscending()
    {
        var book = new OrderBookSnapshot(
            Btc,
            [new(99m, 1m), new(101m, 1m), new(100m, 1m)],
            [new(104m, 1m), new(102m, 1m), new(103m, 1m)],
            Time);

        Assert.Equal([101m, 100m, 99m], book.Bids.Select(l => l.Price));
        Assert.Equal([102m, 103m, 104m], book.Asks.Select(l => l.Price));
        Assert.Equal(101.5m, book.MidPrice);
    }

    [Fact]
    public void Constructor_SamePriceTwiceAtDifferentScale_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new OrderBookSnapshot(Btc, [new(66666.6m, 1m), new(66666.60m, 2m)], [], Time));

        Assert.Equal("bids", error.ParamName);
    }

    [Fact]
    public void Constructor_ZeroQuantityLevel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrderBookSnapshot(Btc, [], [new(1m, 0m)], Time));

        Assert.Equal("asks", error.ParamName);
    }

    [Fact]
    public void Measures_EmptyBook_NullOrZeroNeverNaN()
    {
        var book = new OrderBookSnapshot(Btc, [], [], Time);

        Assert.Null(book.BestBid);
        Assert.Null(book.MidPrice);
        Assert.Null(book.SpreadBps);
        Assert.Null(book.DepthWithinBpsOfMid(50m));
        Assert.Null(book.QuantityImbalance(10));
        Assert.Equal(default, book.DepthWithinBpsOfBestPrices(50m));
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void Measures_BidsOnly_ImbalanceOneAndNoMid()
    {
        var book = new OrderBookSnapshot(Btc, [new(100m, 2m), new(99.9m, 1m)], [], Time);

        Assert.Equal(1m, book.QuantityImbalance(5));
        Assert.Null(book.MidPrice);
        Assert.Null(book.DepthWithinBpsOfMid(50m));
        Assert.Equal(new BookDepth(3m, 0m, 299.9m, 0m), book.DepthWithinBpsOfBestPrices(10m));
    }

    [Fact]
    public void Measures_AsksOnly_ImbalanceMinusOne()
    {
        Assert.Equal(-1m, new OrderBookSnapshot(Btc, [], [new(100m, 2m)], Time).QuantityImbalance(1));
    }

    [Fact]
    public void QuantityImbalance_ZeroLevels_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestSample().QuantityImbalance(0));
    }

    [Fact]
    public void Bids_CastToArray_CannotMutateBook()
    {
        var book = RestSample();

        Assert.IsNotType<PriceLevel[]>(book.Bids);
    }

    [Fact]
    public void QuantityImbalance_RandomBook_WithinMinusOneAndOne()
    {
        RandomBook.Sample(book =>
        {
            var imbalance = book.QuantityImbalance(10);
            var notionalImbalance = book.NotionalImbalance(10);
            return book.Bids.Count + book.Asks.Count == 0
                ? imbalance is null && notionalImbalance is null
                : imbalance is >= -1m and <= 1m && notionalImbalance is >= -1m and <= 1m;
        });
    }

    [Fact]
    public void DepthWithinBpsOfMid_WiderBand_AtLeastNarrowerBandPerSide()
    {
        Gen.Select(RandomBook, Gen.Int[0, 200], Gen.Int[0, 200]).Sample((book, narrowBps, extraBps) =>
        {
            var narrow = book.DepthWithinBpsOfMid(narrowBps);
            var wide = book.DepthWithinBpsOfMid(narrowBps + extraBps);
            var narrowFromBest = book.DepthWithinBpsOfBestPrices(narrowBps);
            var wideFromBest = book.DepthWithinBpsOfBestPrices(narrowBps + extraBps);

            return (narrow is null) == (wide is null)
                && (narrow is null || AtMost(narrow.Value, wide!.Value))
                && AtMost(narrowFromBest, wideFromBest);
        });
    }

    private static bool AtMost(BookDepth smaller, BookDepth larger) =>
        smaller.BidQuantity <= larger.BidQuantity && smaller.AskQuantity <= larger.AskQuantity
        && smaller.BidNotional <= larger.BidNotional && smaller.AskNotional <= larger.AskNotional;

    /// <summary>Books around 100.00 with a 0.01 tick, possibly empty or one-sided, never crossed.</summary>
    private static readonly Gen<OrderBookSnapshot> RandomBook =
        Gen.Select(
                Gen.Int[1, 2_000].ArrayUnique[0, 30],
                Gen.Int[1, 2_000].ArrayUnique[0, 30],
                Gen.Int[1, 1_000_000].Array[30])
            .Select((bidTicksBelow, askTicksAbove, quantities) => new OrderBookSnapshot(
                Btc,
                bidTicksBelow.Select((ticks, i) => new PriceLevel(100m - (ticks * 0.01m), quantities[i] / 1000m)),
                askTicksAbove.Select((ticks, i) => new PriceLevel(100m + (ticks * 0.01m), quantities[i] / 1000m)),
                Time));
}
