namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Pearson correlation of two paired series over the last n pairs (e.g. a symbol's returns against BTC's).
/// Running sums make each add O(1); they are recomputed from the window every n adds so rounding cannot drift.
/// </summary>
public sealed class RollingCorrelation
{
    private readonly RingBuffer _x;
    private readonly RingBuffer _y;
    private double _sumX;
    private double _sumY;
    private double _sumXx;
    private double _sumYy;
    private double _sumXy;
    private long _added;

    public RollingCorrelation(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        Window = window;
        _x = new RingBuffer(window);
        _y = new RingBuffer(window);
    }

    public int Window { get; }

    public bool IsFull => _x.IsFull;

    /// <summary>Correlation in [-1, 1] once the window is full; NaN before, or when either series is constant.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Add(double x, double y)
    {
        if (_x.IsFull)
        {
            var oldX = _x.Oldest;
            var oldY = _y.Oldest;
            _sumX -= oldX;
            _sumY -= oldY;
            _sumXx -= oldX * oldX;
            _sumYy -= oldY * oldY;
            _sumXy -= oldX * oldY;
        }

        _x.Add(x);
        _y.Add(y);
        _sumX += x;
        _sumY += y;
        _sumXx += x * x;
        _sumYy += y * y;
        _sumXy += x * y;
        if (++_added % Window == 0)
        {
            Recompute();
        }

        if (!_x.IsFull)
        {
            return;
        }

        var n = (double)Window;
        var covariance = _sumXy - (_sumX * _sumY / n);
        var varianceX = _sumXx - (_sumX * _sumX / n);
        var varianceY = _sumYy - (_sumY * _sumY / n);
        Value = varianceX <= 0 || varianceY <= 0
            ? double.NaN
            : Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }

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

    private void Recompute()
    {
        _sumX = _sumY = _sumXx = _sumYy = _sumXy = 0;
        for (var age = 0; age < _x.Count; age++)
        {
            var x = _x[age];
            var y = _y[age];
            _sumX += x;
            _sumY += y;
            _sumXx += x * x;
            _sumYy += y * y;
            _sumXy += x * y;
        }
    }
}
