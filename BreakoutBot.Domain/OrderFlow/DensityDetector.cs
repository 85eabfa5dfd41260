using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.OrderFlow;

/// <summary>
/// Order-book densities (<c>density_config</c>): each side's resting size is summed per bucket of
/// <c>bucket_ticks</c> ticks; a bucket holding <c>k_density</c> times the baseline or more is a density. The baseline is
/// the median non-empty bucket size — of this book, or over <c>lookback_window_s</c> when a
/// <see cref="DensityTracker"/> supplies it.
/// </summary>
public static class DensityDetector
{
    /// <summary>The densities of <paramref name="book"/>, nearest the touch first on each side (bids, then asks).</summary>
    public static IReadOnlyList<DensityZone> Find(OrderBookSnapshot book, decimal tickSize, DensityConfig config, decimal? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickSize);
        var width = tickSize * config.BucketTicks;
        var bids = Buckets(book.Bids, width);
        var asks = Buckets(book.Asks, width);
        var median = baseline ?? Median([.. bids.Values, .. asks.Values]);
        if (median is not > 0)
        {
            return [];
        }

        var threshold = config.KDensity * median.Value;
        var zones = new List<DensityZone>();
        foreach (var (bucket, quantity) in bids.OrderByDescending(pair => pair.Key))
        {
            AddIfDense(zones, OrderSide.Buy, bucket, quantity, width, threshold);
        }

        foreach (var (bucket, quantity) in asks.OrderBy(pair => pair.Key))
        {
            AddIfDense(zones, OrderSide.Sell, bucket, quantity, width, threshold);
        }

        return zones;
    }

    /// <summary>The median non-empty bucket size of <paramref name="book"/>, both sides together; null for an empty book.</summary>
    public static decimal? MedianBucketSize(OrderBookSnapshot book, decimal tickSize, DensityConfig config)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(config);
        var width = tickSize * config.BucketTicks;
        return Median([.. Buckets(book.Bids, width).Values, .. Buckets(book.Asks, width).Values]);
    }

    internal static decimal? Median(List<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void AddIfDense(List<DensityZone> zones, OrderSide side, long bucket, decimal quantity, decimal width, decimal threshold)
    {
        if (quantity >= threshold)
        {
            zones.Add(new DensityZone(side, bucket * width, (bucket + 1) * width, quantity, quantity / threshold));
        }
    }

    private static Dictionary<long, decimal> Buckets(IReadOnlyList<PriceLevel> levels, decimal width)
    {
        var buckets = new Dictionary<long, decimal>();
        foreach (var level in levels)
        {
            var bucket = (long)decimal.Floor(level.Price / width);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + level.Quantity;
        }

        return buckets;
    }
}
