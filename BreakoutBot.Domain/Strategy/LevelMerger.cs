namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Merges sorted candidate prices: a candidate further above the running mean of its group than the tolerance at that
/// mean starts a new group; each group becomes its mean.
/// </summary>
/// <remarks>
/// The decision is a decimal comparison against a decimal mean. Dividing decimals for every candidate dominated the
/// detector's cost, so a double estimate decides first and the exact decimal comparison runs only when the estimate is
/// within a margin (10⁻⁹ of the magnitudes, far above the ~10⁻¹³ error of summing a few hundred doubles) of the
/// threshold: every decision, and so every mean, is the decimal one.
/// </remarks>
internal static class LevelMerger
{
    private const double RelativeMargin = 1e-9;

    /// <summary>Overwrites the front of <paramref name="sortedPrices"/> with the merged levels and returns how many there are.</summary>
    public static int Merge(Span<decimal> sortedPrices, LevelDetectionRules rules, decimal atr)
    {
        var fraction = (double)rules.ToleranceFraction;
        var atrTolerance = (double)(rules.ToleranceAtr * atr);
        var merged = 0;
        var sum = 0m;
        var approximateSum = 0d;
        var count = 0;
        for (var i = 0; i < sortedPrices.Length; i++)
        {
            // Writes go to indices below i, which have already been read.
            var price = sortedPrices[i];
            var approximatePrice = (double)price;
            if (count > 0 && StartsNewGroup(price, approximatePrice, sum, approximateSum, count, fraction, atrTolerance, rules, atr))
            {
                sortedPrices[merged++] = sum / count;
                sum = 0m;
                approximateSum = 0d;
                count = 0;
            }

            sum += price;
            approximateSum += approximatePrice;
            count++;
        }

        if (count > 0)
        {
            sortedPrices[merged++] = sum / count;
        }

        return merged;
    }

    private static bool StartsNewGroup(
        decimal price,
        double approximatePrice,
        decimal sum,
        double approximateSum,
        int count,
        double fraction,
        double atrTolerance,
        LevelDetectionRules rules,
        decimal atr)
    {
        var approximateMean = approximateSum / count;
        var fractionTolerance = fraction * approximateMean;
        var tolerance = Math.Max(fractionTolerance, atrTolerance);
        var gap = approximatePrice - approximateMean;
        var margin = RelativeMargin * (Math.Abs(approximatePrice) + Math.Abs(approximateMean) + Math.Abs(fractionTolerance) + Math.Abs(atrTolerance));
        if (gap > tolerance + margin)
        {
            return true;
        }

        if (gap < tolerance - margin)
        {
            return false;
        }

        var mean = sum / count;
        return price - mean > LevelDetector.Tolerance(mean, rules, atr);
    }
}
