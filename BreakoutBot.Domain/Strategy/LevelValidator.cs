using System.Buffers;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Turns merged prices into <see cref="HorizontalLevel"/>s: counts touching bars, scores strength, drops levels with
/// too few touches, then keeps the strongest of any levels closer than the minimum separation.
/// </summary>
/// <remarks>
/// Touches are the decimal decision as always, but a double distance settles every bar that is clearly out of reach
/// or clearly within it (margin 10⁻⁹ of the magnitudes, far above double rounding), so decimal arithmetic runs only for
/// bars right at the tolerance. Totals that do not depend on the level are computed once.
/// </remarks>
internal static class LevelValidator
{
    private const double RelativeMargin = 1e-9;

    private static readonly Comparison<HorizontalLevel> ByPrice = static (left, right) => left.Price.CompareTo(right.Price);

    public static List<HorizontalLevel> ValidateAndSeparate(
        ReadOnlySpan<decimal> prices,
        ReadOnlySpan<Candle> closed,
        LevelBars bars,
        LevelDetectionRules rules,
        decimal atr)
    {
        var totalVolume = 0m;
        foreach (var candle in closed)
        {
            totalVolume += candle.Volume;
        }

        var meanVolume = totalVolume / closed.Length;
        var historySpan = (closed[^1].OpenTime - closed[0].OpenTime).TotalSeconds;
        var levels = ArrayPool<HorizontalLevel>.Shared.Rent(Math.Max(prices.Length, 1));
        var order = ArrayPool<int>.Shared.Rent(Math.Max(2 * prices.Length, 1));
        try
        {
            var validated = 0;
            foreach (var price in prices)
            {
                if (Validate(price, closed, bars, rules, atr, meanVolume, historySpan) is { } level)
                {
                    levels[validated++] = level;
                }
            }

            LevelBonuses.Apply(levels.AsSpan(0, validated), rules, atr);
            return Separate(levels.AsSpan(0, validated), order, rules.MinSeparationAtr * atr);
        }
        finally
        {
            ArrayPool<HorizontalLevel>.Shared.Return(levels, clearArray: true);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static HorizontalLevel? Validate(
        decimal price,
        ReadOnlySpan<Candle> closed,
        LevelBars bars,
        LevelDetectionRules rules,
        decimal atr,
        decimal meanVolume,
        double historySpan)
    {
        var tolerance = LevelDetector.Tolerance(price, rules, atr);
        var approximatePrice = (double)price;
        var approximateTolerance = (double)tolerance;
        var margin = RelativeMargin * (Math.Abs(approximatePrice) + Math.Abs(approximateTolerance));
        var reach = approximateTolerance + margin;
        var sureReach = approximateTolerance - margin;
        var highs = bars.High;
        var lows = bars.Low;
        var touches = 0;
        var touchVolume = 0m;
        DateTimeOffset? first = null;
        DateTimeOffset last = default;
        for (var i = 0; i < closed.Length; i++)
        {
            var highDistance = Math.Abs(highs[i] - approximatePrice);
            var lowDistance = Math.Abs(lows[i] - approximatePrice);
            var nearest = Math.Min(highDistance, lowDistance);
            if (nearest > reach)
            {
                continue;
            }

            // Only a distance within the margin of the tolerance needs the exact decimal answer.
            var candle = closed[i];
            if (nearest < sureReach || Math.Abs(candle.High - price) <= tolerance || Math.Abs(candle.Low - price) <= tolerance)
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

        var touchScore = Math.Min(1d, touches / (2d * rules.MinTouches));
        var ageScore = historySpan <= 0 ? 0d : Math.Clamp((last - firstTouch).TotalSeconds / historySpan, 0d, 1d);
        var volumeScore = meanVolume <= 0 ? 0d : Math.Min(1d, (double)(touchVolume / touches / (2m * meanVolume)));
        var strength = (0.5 * touchScore) + (0.2 * ageScore) + (0.3 * volumeScore);
        return new HorizontalLevel(price, touches, firstTouch, last, Math.Clamp(strength, 0d, 1d));
    }

    /// <summary>
    /// Strongest first (ties by price, in the original order otherwise, like the stable LINQ sort it replaces); a level
    /// closer than <paramref name="minSeparation"/> to one already kept is dropped. Kept levels come back by price.
    /// </summary>
    private static List<HorizontalLevel> Separate(ReadOnlySpan<HorizontalLevel> levels, int[] scratch, decimal minSeparation)
    {
        var order = scratch.AsSpan(0, levels.Length);
        var keptIndices = scratch.AsSpan(levels.Length, levels.Length);
        for (var i = 0; i < order.Length; i++)
        {
            // Stable insertion sort: a handful of levels, and stability is what the ordering contract needs.
            var j = i;
            while (j > 0 && StrongerFirst(levels[order[j - 1]], levels[i]) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        var keptCount = 0;
        foreach (var index in order)
        {
            var level = levels[index];
            var apart = true;
            for (var k = 0; k < keptCount; k++)
            {
                if (Math.Abs(levels[keptIndices[k]].Price - level.Price) < minSeparation)
                {
                    apart = false;
                    break;
                }
            }

            if (apart)
            {
                keptIndices[keptCount++] = index;
            }
        }

        var kept = new List<HorizontalLevel>(keptCount);
        foreach (var index in keptIndices[..keptCount])
        {
            kept.Add(levels[index]);
        }

        kept.Sort(ByPrice);
        return kept;
    }

    private static int StrongerFirst(HorizontalLevel left, HorizontalLevel right)
    {
        var byStrength = right.Strength.CompareTo(left.Strength);
        return byStrength != 0 ? byStrength : left.Price.CompareTo(right.Price);
    }
}
