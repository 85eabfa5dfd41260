namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Pearson correlation of two paired series (e.g. a symbol's returns against BTC's over the scanner's window), from
/// the deviations about the means, so a window of small values loses no precision to cancellation.
/// </summary>
public static class PearsonCorrelation
{
    /// <summary>Pearson correlation of two whole series of equal length; NaN when either is constant.</summary>
    public static double Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The series differ in length ({x.Length} vs {y.Length}).", nameof(y));
        }

        if (x.Length < 2)
        {
            return double.NaN;
        }

        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Length;
        meanY /= y.Length;
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return varianceX == 0 || varianceY == 0 ? double.NaN : Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }
}
