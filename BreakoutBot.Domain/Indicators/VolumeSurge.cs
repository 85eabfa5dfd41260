namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Volume surge ratio: the current bar's volume over the median volume of the <c>window</c> bars before it. The median
/// (not the mean) keeps one earlier spike from hiding the next. NaN until the window is full or while its median is 0.
/// </summary>
public sealed class VolumeSurge
{
    private readonly RollingOrderStatistics _previous;

    public VolumeSurge(int window = 20)
    {
        _previous = new RollingOrderStatistics(window);
    }

    public int Window => _previous.Window;

    public double Ratio { get; private set; } = double.NaN;

    public void Add(double volume)
    {
        var median = _previous.Median();
        Ratio = _previous.IsFull && median > 0 ? volume / median : double.NaN;
        _previous.Add(volume);
    }

    /// <summary>The surge ratio of every bar.</summary>
    public static double[] Calculate(ReadOnlySpan<Ohlcv> bars, int window = 20)
    {
        var surge = new VolumeSurge(window);
        var ratios = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            surge.Add(bars[i].Volume);
            ratios[i] = surge.Ratio;
        }

        return ratios;
    }
}
