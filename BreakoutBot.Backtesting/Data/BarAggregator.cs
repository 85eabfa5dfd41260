using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Data;

/// <summary>
/// Builds bars of the evaluated interval from a file's finer bars (1-minute or 5-minute into 5, 15, 60...), aligned in
/// UTC as Bybit aligns them. Only complete bars come out: a bucket the data starts or ends inside is dropped, so no bar
/// pretends to know a range it did not see.
/// </summary>
public static class BarAggregator
{
    /// <exception cref="ArgumentException">The target interval is not a whole multiple of the source's.</exception>
    public static IEnumerable<Candle> Aggregate(IEnumerable<Candle> source, CandleInterval target)
    {
        ArgumentNullException.ThrowIfNull(source);
        var targetDuration = target.FixedDuration ?? throw new ArgumentException("Monthly bars cannot be evaluated.", nameof(target));
        return Aggregated(source, target, targetDuration);
    }

    private static IEnumerable<Candle> Aggregated(IEnumerable<Candle> source, CandleInterval target, TimeSpan targetDuration)
    {
        var bucketStart = DateTimeOffset.MinValue;
        int parts = 0, partsNeeded = 0;
        decimal open = 0, high = 0, low = 0, close = 0, volume = 0, turnover = 0;
        foreach (var bar in source)
        {
            if (bar.Interval == target)
            {
                yield return bar;
                continue;
            }

            var sourceDuration = bar.Interval.FixedDuration!.Value;
            if (targetDuration.Ticks % sourceDuration.Ticks != 0 || targetDuration < sourceDuration)
            {
                throw new ArgumentException($"{target.WireName}-minute bars cannot be built from {bar.Interval.WireName}-minute bars.", nameof(target));
            }

            var start = target.OpenTimeContaining(bar.OpenTime);
            if (start != bucketStart)
            {
                (bucketStart, parts, partsNeeded) = (start, 0, (int)(targetDuration.Ticks / sourceDuration.Ticks));
                (open, high, low, volume, turnover) = (bar.Open, bar.High, bar.Low, 0m, 0m);
                if (bar.OpenTime != start)
                {
                    // The data starts inside this bucket: it is skipped up to the next one.
                    partsNeeded = -1;
                }
            }

            parts++;
            high = Math.Max(high, bar.High);
            low = Math.Min(low, bar.Low);
            close = bar.Close;
            volume += bar.Volume;
            turnover += bar.Turnover;
            if (parts == partsNeeded)
            {
                yield return new Candle(target, bucketStart, open, high, low, close, volume, turnover, isClosed: true);
            }
        }
    }
}
