namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// Exact snapping of decimals to a step (tick size, lot step). Works from the remainder rather than
/// <c>value / step</c> because decimal division rounds at 28 digits and could push a value across a step boundary.
/// Results carry the step's number of decimals, so <c>0.019</c> with step <c>0.001</c> prints as <c>0.019</c>
/// and <c>5</c> prints as <c>5.000</c>, the way Bybit wants quantities formatted.
/// </summary>
internal static class DecimalStep
{
    public static decimal Floor(decimal value, decimal step)
    {
        var remainder = value % step;
        var floored = value - remainder;
        if (remainder < 0)
        {
            floored -= step;
        }

        return WithScaleOf(floored, step);
    }

    public static decimal Ceiling(decimal value, decimal step)
    {
        var remainder = value % step;
        var ceiled = value - remainder;
        if (remainder > 0)
        {
            ceiled += step;
        }

        return WithScaleOf(ceiled, step);
    }

    /// <summary>The nearest multiple; an exact half-way value goes away from zero.</summary>
    public static decimal Nearest(decimal value, decimal step)
    {
        var remainder = value % step;
        var truncated = value - remainder;
        if (Math.Abs(remainder) * 2 >= step)
        {
            truncated += remainder > 0 ? step : -step;
        }

        return WithScaleOf(truncated, step);
    }

    public static bool IsMultiple(decimal value, decimal step) => value % step == 0;

    private static decimal WithScaleOf(decimal multiple, decimal step)
    {
        // A multiple of step never needs more decimals than step has, so this rounding drops only trailing zeros;
        // adding a zero with step's scale then pads up to exactly that many decimals.
        var scale = step.Scale;
        return decimal.Round(multiple, scale) + new decimal(0, 0, 0, false, scale);
    }
}
