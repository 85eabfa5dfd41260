namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Maximum (or minimum) of the last <c>window</c> values in amortized O(1): a monotonic deque of candidates, kept in
/// preallocated arrays.
/// </summary>
internal sealed class SlidingExtreme
{
    private readonly int _window;
    private readonly bool _maximum;
    private readonly double[] _values;
    private readonly long[] _positions;
    private int _head;
    private int _size;
    private long _added;

    public SlidingExtreme(int window, bool maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
        _maximum = maximum;
        _values = new double[window + 1];
        _positions = new long[window + 1];
    }

    /// <summary>True once a full window has been seen.</summary>
    public bool IsFull => _added >= _window;

    /// <summary>The extreme of the values in the window (NaN before the first value).</summary>
    public double Value => _size == 0 ? double.NaN : _values[_head];

    public void Add(double value)
    {
        // Drop candidates that the new value dominates, from the back.
        while (_size > 0)
        {
            var back = (_head + _size - 1) % _values.Length;
            if (_maximum ? _values[back] > value : _values[back] < value)
            {
                break;
            }

            _size--;
        }

        var slot = (_head + _size) % _values.Length;
        _values[slot] = value;
        _positions[slot] = _added;
        _size++;
        _added++;

        // Drop the front when it has left the window.
        if (_positions[_head] <= _added - 1 - _window)
        {
            _head = (_head + 1) % _values.Length;
            _size--;
        }
    }
}
