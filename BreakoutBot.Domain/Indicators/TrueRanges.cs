using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Indicators;

/// <summary>True range: <c>max(H − L, |H − C₋₁|, |L − C₋₁|)</c>; undefined (NaN) without a previous close.</summary>
public static class TrueRanges
{
    public static double Of(in Ohlcv bar, double previousClose)
    {
        if (double.IsNaN(previousClose))
        {
            return double.NaN;
        }

        var highLow = bar.High - bar.Low;
        var highClose = Math.Abs(bar.High - previousClose);
        var lowClose = Math.Abs(bar.Low - previousClose);
        return Math.Max(highLow, Math.Max(highClose, lowClose));
    }

    /// <summary>The exact (decimal) true range of a candle, for rules that compare prices rather than feed indicators.</summary>
    public static decimal Of(Candle bar, decimal previousClose)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return Math.Max(bar.High - bar.Low, Math.Max(Math.Abs(bar.High - previousClose), Math.Abs(bar.Low - previousClose)));
    }

    /// <summary>True range of every bar; the first is NaN.</summary>
    public static double[] Calculate(ReadOnlySpan<Ohlcv> bars)
    {
        var result = new double[bars.Length];
        var previousClose = double.NaN;
        for (var i = 0; i < bars.Length; i++)
        {
            result[i] = Of(bars[i], previousClose);
            previousClose = bars[i].Close;
        }

        return result;
    }
}
