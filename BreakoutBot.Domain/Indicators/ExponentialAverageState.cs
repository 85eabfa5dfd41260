namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// EMA of a stream of values: <c>k = 2/(n+1)</c>, seeded with the plain mean of the first n values, then
/// <c>ema += k·(x − ema)</c>.
/// </summary>
internal sealed class ExponentialAverageState(int period)
{
    private readonly double _smoothing = 2d / (period + 1);
    private double _seedSum;
    private int _seen;

    public double Value { get; private set; } = double.NaN;

    public double Add(double value)
    {
        _seen++;
        if (_seen < period)
        {
            _seedSum += value;
        }
        else if (_seen == period)
        {
            _seedSum += value;
            Value = _seedSum / period;
        }
        else
        {
            Value += _smoothing * (value - Value);
        }

        return Value;
    }

    /// <summary>
    /// <see cref="Add"/> for every bar's close, writing each value to <paramref name="output"/>: the same arithmetic in
    /// one loop over locals (a batch of a single EMA, where the call per value would cost more than the EMA itself).
    /// </summary>
    public void AddCloses(ReadOnlySpan<Ohlcv> bars, Span<double> output)
    {
        var i = 0;
        for (; i < bars.Length && _seen < period; i++)
        {
            output[i] = Add(bars[i].Close);
        }

        var value = Value;
        _seen += bars.Length - i;
        var smoothing = _smoothing;
        for (; i < bars.Length; i++)
        {
            value += smoothing * (bars[i].Close - value);
            output[i] = value;
        }

        Value = value;
    }
}
