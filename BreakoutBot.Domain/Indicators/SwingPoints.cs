namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Swing highs and lows (pivots): bar i is a swing high when its high is strictly above the highs of the
/// <c>left</c> bars before it and at least the highs of the <c>right</c> bars after it (lows mirrored). A pivot is only
/// known <c>right</c> bars later, so the last <c>right</c> bars never qualify — no look-ahead.
/// </summary>
public static class SwingPoints
{
    public static IReadOnlyList<SwingPoint> Find(ReadOnlySpan<Ohlcv> bars, int left = 2, int right = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(left, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(right, 0);
        var points = new List<SwingPoint>();
        for (var i = left; i < bars.Length - right; i++)
        {
            if (IsPivot(bars, i, left, right, high: true))
            {
                points.Add(new SwingPoint(i, bars[i].High, IsHigh: true));
            }

            if (IsPivot(bars, i, left, right, high: false))
            {
                points.Add(new SwingPoint(i, bars[i].Low, IsHigh: false));
            }
        }

        return points;
    }

    private static bool IsPivot(ReadOnlySpan<Ohlcv> bars, int index, int left, int right, bool high)
    {
        var price = high ? bars[index].High : bars[index].Low;
        for (var j = index - left; j < index; j++)
        {
            var other = high ? bars[j].High : bars[j].Low;
            if (high ? other >= price : other <= price)
            {
                return false;
            }
        }

        for (var j = index + 1; j <= index + right; j++)
        {
            var other = high ? bars[j].High : bars[j].Low;
            if (high ? other > price : other < price)
            {
                return false;
            }
        }

        return true;
    }
}
