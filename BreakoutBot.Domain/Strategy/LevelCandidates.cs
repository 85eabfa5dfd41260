using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Candidate prices for <see cref="LevelDetector"/>: the ATR it scales tolerances with, then Donchian band bars,
/// swing pivots and heavy-volume bars, in exactly the order the detector has always listed them (the merge sums them
/// in sorted order, and an unstable sort of equal prices with different scales depends on the input order).
/// </summary>
/// <remarks>
/// The indicator math repeats <c>WilderAtrState</c>, <c>DonchianChannels</c>, <c>SwingPoints</c> and
/// <c>RollingOrderStatistics</c> operation for operation, so every double is the same as theirs, without their
/// per-call series allocations.
/// </remarks>
internal static class LevelCandidates
{
    /// <summary>An upper bound on the candidates for <paramref name="length"/> bars: two per band bar, swing bar and heavy bar.</summary>
    public static int Capacity(int length, LevelDetectionRules rules)
    {
        var recent = Math.Clamp(rules.DonchianRecentBars, 0, length);
        return Math.Max(1, (4 * length) + (2 * rules.DonchianPeriods.Count * recent));
    }

    /// <summary>Wilder's ATR after the last bar (mean of TR[1..period], then smoothing); NaN when too few bars.</summary>
    public static double LastAtr(LevelBars bars, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var seedSum = 0d;
        var value = double.NaN;
        for (var index = 1; index < bars.Length; index++)
        {
            var previousClose = bars.Close[index - 1];
            var highLow = bars.High[index] - bars.Low[index];
            var highClose = Math.Abs(bars.High[index] - previousClose);
            var lowClose = Math.Abs(bars.Low[index] - previousClose);
            var trueRange = Math.Max(highLow, Math.Max(highClose, lowClose));
            if (index < period)
            {
                seedSum += trueRange;
            }
            else if (index == period)
            {
                seedSum += trueRange;
                value = seedSum / period;
            }
            else
            {
                value = ((value * (period - 1)) + trueRange) / period;
            }
        }

        return value;
    }

    /// <summary>Writes the candidates into <paramref name="candidates"/> and returns how many there are.</summary>
    public static int Collect(ReadOnlySpan<Candle> closed, LevelBars bars, LevelDetectionRules rules, decimal[] candidates)
    {
        var count = 0;
        var periods = rules.DonchianPeriods;
        var highs = bars.High;
        var lows = bars.Low;
        for (var p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            if (period >= bars.Length)
            {
                continue;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);

            // A band at bar i is the extreme of the period bars before it, defined from bar `period` on; the
            // candidate is the first bar in that window at the extreme, with its exact decimal price.
            for (var i = Math.Max(period, bars.Length - rules.DonchianRecentBars); i < bars.Length; i++)
            {
                var highest = i - period;
                var lowest = i - period;
                var high = highs[highest];
                var low = lows[lowest];
                for (var j = highest + 1; j < i; j++)
                {
                    if (highs[j] > high)
                    {
                        highest = j;
                        high = highs[j];
                    }

                    if (lows[j] < low)
                    {
                        lowest = j;
                        low = lows[j];
                    }
                }

                candidates[count++] = closed[highest].High;
                candidates[count++] = closed[lowest].Low;
            }
        }

        count = AddSwings(closed, bars, rules.SwingBars, candidates, count);
        return AddHeavyBars(closed, bars, rules.HighVolumePercentile, candidates, count);
    }

    private static int AddSwings(ReadOnlySpan<Candle> closed, LevelBars bars, int swingBars, decimal[] candidates, int count)
    {
        var left = swingBars;
        var right = swingBars;
        ArgumentOutOfRangeException.ThrowIfLessThan(left, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(right, 0);
        for (var i = left; i < bars.Length - right; i++)
        {
            if (IsPivot(bars.High, i, left, right, high: true))
            {
                candidates[count++] = closed[i].High;
            }

            if (IsPivot(bars.Low, i, left, right, high: false))
            {
                candidates[count++] = closed[i].Low;
            }
        }

        return count;
    }

    /// <summary>Strictly beyond the <paramref name="left"/> bars before, at least level with the <paramref name="right"/> bars after.</summary>
    private static bool IsPivot(Span<double> prices, int index, int left, int right, bool high)
    {
        var price = prices[index];
        for (var j = index - left; j < index; j++)
        {
            if (high ? prices[j] >= price : prices[j] <= price)
            {
                return false;
            }
        }

        for (var j = index + 1; j <= index + right; j++)
        {
            if (high ? prices[j] > price : prices[j] < price)
            {
                return false;
            }
        }

        return true;
    }

    private static int AddHeavyBars(ReadOnlySpan<Candle> closed, LevelBars bars, double percent, decimal[] candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);

        // One sort gives the same ordered values the rolling statistics kept by insertion.
        var sorted = bars.Scratch;
        bars.Volume.CopyTo(sorted);
        sorted.Sort();
        var length = sorted.Length;
        var rank = percent / 100 * (length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        var heavy = sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
        var middle = length / 2;
        var typical = length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

        // Above the median too: with even volume every bar reaches the percentile, and none of them is special.
        for (var i = 0; i < bars.Length; i++)
        {
            if (bars.Volume[i] >= heavy && bars.Volume[i] > typical)
            {
                candidates[count++] = closed[i].High;
                candidates[count++] = closed[i].Low;
            }
        }

        return count;
    }
}
