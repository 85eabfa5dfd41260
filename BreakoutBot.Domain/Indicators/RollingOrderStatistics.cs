namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// The last n values kept sorted, for rolling medians and percentiles (volume surge, "BB width percentile").
/// Each add is O(n) (binary search plus a shift of a preallocated array); nothing is allocated after construction.
/// </summary>
public sealed class RollingOrderStatistics
{
    private readonly RingBuffer _arrival;
    private readonly double[] _sorted;

    public RollingOrderStatistics(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        _arrival = new RingBuffer(window);
        _sorted = new double[window];
    }

    public int Window { get; }

    public int Count => _arrival.Count;

    public bool IsFull => _arrival.IsFull;

    /// <summary>Adds a value; NaN is rejected because it has no rank.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no rank and cannot enter a rolling window.", nameof(value));
        }

        var count = _arrival.Count;
        if (_arrival.IsFull)
        {
            var leaving = Array.BinarySearch(_sorted, 0, count, _arrival.Oldest);
            Array.Copy(_sorted, leaving + 1, _sorted, leaving, count - leaving - 1);
            count--;
        }

        var position = Array.BinarySearch(_sorted, 0, count, value);
        if (position < 0)
        {
            position = ~position;
        }

        Array.Copy(_sorted, position, _sorted, position + 1, count - position);
        _sorted[position] = value;
        _arrival.Add(value);
    }

    /// <summary>The median of the values in the window (mean of the middle two for an even count); NaN when empty.</summary>
    public double Median()
    {
        var count = _arrival.Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var middle = count / 2;
        return count % 2 == 1 ? _sorted[middle] : (_sorted[middle - 1] + _sorted[middle]) / 2;
    }

    /// <summary>
    /// The percentile rank of <paramref name="value"/> among the window, in [0, 100]: the share of values strictly below
    /// it plus half the share equal to it. NaN when empty.
    /// </summary>
    public double PercentileRank(double value)
    {
        var count = _arrival.Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var below = LowerBound(value, count);
        var notAbove = UpperBound(value, count);
        return 100 * (below + ((notAbove - below) / 2d)) / count;
    }

    /// <summary>The value at percentile <paramref name="percent"/> (0–100) with linear interpolation between ranks.</summary>
    public double ValueAtPercentile(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var count = _arrival.Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * (count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return _sorted[lower] + ((_sorted[upper] - _sorted[lower]) * (rank - lower));
    }

    private int LowerBound(double value, int count)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private int UpperBound(double value, int count)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
