namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Maximum (or minimum) of the last <c>window</c> values in O(1) amortized and without data-dependent branches
/// (van Herk/Gil-Werman): values are grouped in blocks of <c>window</c>; the window ending at offset j of the current
/// block is the suffix of the previous block after j plus the prefix of the current block up to j. The previous
/// block's suffix extremes are computed once when it completes. Preallocated; nothing is allocated per add.
/// </summary>
internal sealed class SlidingExtreme
{
    private readonly int _window;
    private readonly bool _maximum;
    private readonly double[] _block;
    private readonly double[] _previousSuffix;
    private double _prefix;
    private int _offset;
    private long _added;

    public SlidingExtreme(int window, bool maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
        _maximum = maximum;
        _block = new double[window];
        _previousSuffix = new double[window + 1];
        Array.Fill(_previousSuffix, Identity);
    }

    /// <summary>True once a full window has been seen.</summary>
    public bool IsFull => _added >= _window;

    /// <summary>The extreme of the last <c>window</c> values added (of all of them before the window fills); NaN before any.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>The value that never wins: −∞ for a maximum, +∞ for a minimum.</summary>
    private double Identity => _maximum ? double.NegativeInfinity : double.PositiveInfinity;

    public void Add(double value)
    {
        _block[_offset] = value;
        if (_maximum)
        {
            _prefix = _offset == 0 ? value : Math.Max(_prefix, value);
            Value = Math.Max(_previousSuffix[_offset + 1], _prefix);
        }
        else
        {
            _prefix = _offset == 0 ? value : Math.Min(_prefix, value);
            Value = Math.Min(_previousSuffix[_offset + 1], _prefix);
        }

        _added++;
        if (++_offset < _window)
        {
            return;
        }

        // The block is complete: keep its suffix extremes for the next block's windows.
        _offset = 0;
        _previousSuffix[_window] = Identity;
        for (var k = _window - 1; k >= 0; k--)
        {
            _previousSuffix[k] = _maximum ? Math.Max(_block[k], _previousSuffix[k + 1]) : Math.Min(_block[k], _previousSuffix[k + 1]);
        }
    }
}
