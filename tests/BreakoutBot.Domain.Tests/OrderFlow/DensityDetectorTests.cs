using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.OrderFlow;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.OrderFlow;

/// <summary><c>density_config</c>: <c>k_density</c>, <c>bucket_ticks</c> and <c>lookback_window_s</c> each change what counts as a density.</summary>
public class DensityDetectorTests
{
    private static readonly InstrumentSymbol Symbol = InstrumentSymbol.Parse("TESTUSDT");
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DensityConfig Config = new() { KDensity = 3m, BucketTicks = 1, LookbackWindowS = 60 };

    /// <summary>Bids 99.99..99.90 and asks 100.01..100.10, 1 each, one tick apart, with a 10-lot ask at 100.05.</summary>
    private static OrderBookSnapshot Book(DateTimeOffset time, decimal wall = 10m, decimal size = 1m) => new(
        Symbol,
        Enumerable.Range(1, 10).Select(i => new PriceLevel(100m - (0.01m * i), size)),
        Enumerable.Range(1, 10).Select(i => new PriceLevel(100m + (0.01m * i), i == 5 ? wall : size)),
        time);

    [Fact]
    public void Find_BucketOverKTimesTheMedian_IsADensityOnItsSide()
    {
        var zone = Assert.Single(DensityDetector.Find(Book(Noon), 0.01m, Config));

        Assert.Equal((OrderSide.Sell, 100.05m, 100.06m, 10m), (zone.Side, zone.Low, zone.High, zone.Quantity));
        Assert.Equal(10m / 3m, zone.Strength);
    }

    [Fact]
    public void Find_HigherKDensity_NoLongerADensity()
    {
        Assert.Empty(DensityDetector.Find(Book(Noon), 0.01m, Config with { KDensity = 11m }));
    }

    [Fact]
    public void Find_WiderBuckets_DiluteTheWall()
    {
        // Ten-tick buckets: 100.00-100.09 holds 18 with the wall, the bid bucket 10 and 100.10 one lot; 18 is under 3 × the median 10.
        Assert.Empty(DensityDetector.Find(Book(Noon), 0.01m, Config with { BucketTicks = 10 }));
    }

    [Fact]
    public void Tracker_BaselineIsTheMedianOverTheWindow()
    {
        var tracker = new DensityTracker(0.01m, Config);
        tracker.Observe(Book(Noon, size: 5m));
        tracker.Observe(Book(Noon.AddSeconds(30), size: 5m));

        // Against the window's usual 5 lots, this book's 10-lot ask is no density (it would be against its own 1s).
        Assert.Empty(tracker.Observe(Book(Noon.AddSeconds(40))));
        Assert.Equal(5m, tracker.Baseline);
    }

    [Fact]
    public void Tracker_SamplesOlderThanTheWindowDropOut()
    {
        var tracker = new DensityTracker(0.01m, Config);
        tracker.Observe(Book(Noon, size: 5m));

        var zones = tracker.Observe(Book(Noon.AddSeconds(61)));

        Assert.Single(zones);
        Assert.Equal(1m, tracker.Baseline);
    }
}
