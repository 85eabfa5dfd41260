namespace BreakoutBot.Domain.Indicators;

/// <summary>The last <c>capacity</c> values, oldest first; preallocated, no allocation per add.</summary>
internal sealed class RingBuffer
{
    private readonly double[] _values;
    private int _next;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>Value by age: 0 = oldest kept, Count-1 = newest.</summary>
    public double this[int age] => _values[Wrap(_next - Count + age)];

    public double Newest => _values[Wrap(_next - 1)];

    public double Oldest => _values[Wrap(_next - Count)];

    public void Add(double value)
    {
        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (Count < _values.Length)
        {
            Count++;
        }
    }

    /// <summary>Sum of the kept values, oldest to newest (the order the reference implementations use).</summary>
    public double SumInOrder()
    {
        var start = Wrap(_next - Count);
        var firstRun = Math.Min(Count, _values.Length - start);
        var sum = 0d;
        for (var i = start; i < start + firstRun; i++)
        {
            sum += _values[i];
        }

        for (var i = 0; i < Count - firstRun; i++)
        {
            sum += _values[i];
        }

        return sum;
    }

    /// <summary>Σ (value − mean)², oldest to newest.</summary>
    public double SumOfSquaredDeviations(double mean)
    {
        var start = Wrap(_next - Count);
        var firstRun = Math.Min(Count, _values.Length - start);
        var sum = 0d;
        for (var i = start; i < start + firstRun; i++)
        {
            var deviation = _values[i] - mean;
            sum += deviation * deviation;
        }

        for (var i = 0; i < Count - firstRun; i++)
        {
            var deviation = _values[i] - mean;
            sum += deviation * deviation;
        }

        return sum;
    }

    /// <summary>Maps a position in (−capacity, 2·capacity) onto the array without a division.</summary>
    private int Wrap(int position) =>
        position < 0 ? position + _values.Length : position >= _values.Length ? position - _values.Length : position;
}
