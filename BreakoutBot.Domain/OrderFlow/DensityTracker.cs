using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.OrderFlow;

/// <summary>
/// One symbol's density baseline over time (<c>density_config.lookback_window_s</c>): every observed book contributes
/// its median bucket size, and the baseline is the median of those within the window. A wall that stands for a while
/// then still counts against the usual book rather than against itself.
/// </summary>
public sealed class DensityTracker(decimal tickSize, DensityConfig config)
{
    private readonly Queue<(DateTimeOffset Time, decimal Median)> _samples = new();

    /// <summary>Adds <paramref name="book"/> (taken at its <see cref="OrderBookSnapshot.Time"/>) and returns its densities against the window's baseline.</summary>
    public IReadOnlyList<DensityZone> Observe(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (DensityDetector.MedianBucketSize(book, tickSize, config) is { } median)
        {
            _samples.Enqueue((book.Time, median));
        }

        var window = TimeSpan.FromSeconds(config.LookbackWindowS);
        while (_samples.Count > 0 && book.Time - _samples.Peek().Time > window)
        {
            _samples.Dequeue();
        }

        return DensityDetector.Find(book, tickSize, config, Baseline);
    }

    /// <summary>The median of the books' median bucket sizes within the window; null before the first non-empty book.</summary>
    public decimal? Baseline => DensityDetector.Median([.. _samples.Select(sample => sample.Median)]);
}
