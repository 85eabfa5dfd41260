using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Finds horizontal levels in a candle history: candidates from Donchian bands, swing points and high-volume bars,
/// merged when close together, kept when bars touched them often enough, thinned so kept levels stay apart.
/// </summary>
/// <remarks>
/// Only closed candles are used, so a still-forming bar cannot create or move a level. A level carries no
/// support/resistance label: <see cref="HorizontalLevel.RoleAt"/> derives it from the price at the time of asking.
/// </remarks>
public static class LevelDetector
{
    /// <summary>The levels in <paramref name="candles"/> (oldest first), ordered by price; empty when the history is too short.</summary>
    public static IReadOnlyList<HorizontalLevel> Detect(IReadOnlyList<Candle> candles, LevelDetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(rules);
        var closed = candles.Where(static candle => candle.IsClosed).ToArray();
        if (closed.Length < Math.Max(rules.MinBars, 2))
        {
            return [];
        }

        var bars = closed.Select(ToOhlcv).ToArray();
        var atrSeries = AverageTrueRange.Calculate(bars, rules.AtrPeriod)["atr"];
        var atrValue = atrSeries[^1];
        var atr = double.IsNaN(atrValue) ? 0m : (decimal)atrValue;

        var candidates = Candidates(closed, bars, rules);
        var merged = Merge(candidates, rules, atr);
        var validated = new List<HorizontalLevel>();
        foreach (var price in merged)
        {
            if (Validate(price, closed, rules, atr) is { } level)
            {
                validated.Add(level);
            }
        }

        return Separate(validated, rules.MinSeparationAtr * atr);
    }

    /// <summary>How close a bar's high or low must come to <paramref name="price"/> to touch it, and how close candidates merge.</summary>
    public static decimal Tolerance(decimal price, LevelDetectionRules rules, decimal atr)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Math.Max(rules.ToleranceFraction * price, rules.ToleranceAtr * atr);
    }

    private static Ohlcv ToOhlcv(Candle candle) =>
        new((double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume);

    private static List<decimal> Candidates(Candle[] closed, Ohlcv[] bars, LevelDetectionRules rules)
    {
        var candidates = new List<decimal>();
        foreach (var period in rules.DonchianPeriods)
        {
            if (period >= bars.Length)
            {
                continue;
            }

            var channels = DonchianChannels.Calculate(bars, period);
            var upper = channels["upperBand"];
            var lower = channels["lowerBand"];
            for (var i = Math.Max(0, bars.Length - rules.DonchianRecentBars); i < bars.Length; i++)
            {
                // The band is an earlier bar's high or low; take that bar's exact decimal price, not the double.
                AddBandCandidate(candidates, closed, i, period, upper[i], high: true);
                AddBandCandidate(candidates, closed, i, period, lower[i], high: false);
            }
        }

        foreach (var swing in SwingPoints.Find(bars, rules.SwingBars, rules.SwingBars))
        {
            candidates.Add(swing.IsHigh ? closed[swing.Index].High : closed[swing.Index].Low);
        }

        var volumes = new RollingOrderStatistics(bars.Length);
        foreach (var bar in bars)
        {
            volumes.Add(bar.Volume);
        }

        // Above the median too: with even volume every bar reaches the percentile, and none of them is special.
        var heavy = volumes.ValueAtPercentile(rules.HighVolumePercentile);
        var typical = volumes.Median();
        for (var i = 0; i < bars.Length; i++)
        {
            if (bars[i].Volume >= heavy && bars[i].Volume > typical)
            {
                candidates.Add(closed[i].High);
                candidates.Add(closed[i].Low);
            }
        }

        return candidates;
    }

    private static void AddBandCandidate(List<decimal> candidates, Candle[] closed, int index, int period, double band, bool high)
    {
        if (double.IsNaN(band))
        {
            return;
        }

        for (var j = index - period; j < index; j++)
        {
            var price = high ? closed[j].High : closed[j].Low;
            if ((double)price == band)
            {
                candidates.Add(price);
                return;
            }
        }
    }

    private static List<decimal> Merge(List<decimal> candidates, LevelDetectionRules rules, decimal atr)
    {
        candidates.Sort();
        var merged = new List<decimal>();
        var sum = 0m;
        var count = 0;
        foreach (var price in candidates)
        {
            if (count > 0)
            {
                var mean = sum / count;
                if (price - mean > Tolerance(mean, rules, atr))
                {
                    merged.Add(mean);
                    sum = 0m;
                    count = 0;
                }
            }

            sum += price;
            count++;
        }

        if (count > 0)
        {
            merged.Add(sum / count);
        }

        return merged;
    }

    private static HorizontalLevel? Validate(decimal price, Candle[] closed, LevelDetectionRules rules, decimal atr)
    {
        var tolerance = Tolerance(price, rules, atr);
        var touches = 0;
        var touchVolume = 0m;
        var totalVolume = 0m;
        DateTimeOffset? first = null;
        DateTimeOffset last = default;
        foreach (var candle in closed)
        {
            totalVolume += candle.Volume;
            if (Math.Abs(candle.High - price) <= tolerance || Math.Abs(candle.Low - price) <= tolerance)
            {
                touches++;
                touchVolume += candle.Volume;
                first ??= candle.OpenTime;
                last = candle.OpenTime;
            }
        }

        if (touches < rules.MinTouches || first is not { } firstTouch)
        {
            return null;
        }

        var historySpan = (closed[^1].OpenTime - closed[0].OpenTime).TotalSeconds;
        var touchScore = Math.Min(1d, touches / (2d * rules.MinTouches));
        var ageScore = historySpan <= 0 ? 0d : Math.Clamp((last - firstTouch).TotalSeconds / historySpan, 0d, 1d);
        var meanVolume = totalVolume / closed.Length;
        var volumeScore = meanVolume <= 0 ? 0d : Math.Min(1d, (double)(touchVolume / touches / (2m * meanVolume)));
        var strength = (0.5 * touchScore) + (0.2 * ageScore) + (0.3 * volumeScore);
        return new HorizontalLevel(price, touches, firstTouch, last, Math.Clamp(strength, 0d, 1d));
    }

    private static List<HorizontalLevel> Separate(List<HorizontalLevel> levels, decimal minSeparation)
    {
        var kept = new List<HorizontalLevel>();
        foreach (var level in levels.OrderByDescending(static level => level.Strength).ThenBy(static level => level.Price))
        {
            if (kept.TrueForAll(other => Math.Abs(other.Price - level.Price) >= minSeparation))
            {
                kept.Add(level);
            }
        }

        kept.Sort(static (left, right) => left.Price.CompareTo(right.Price));
        return kept;
    }
}
