namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// True range and Wilder's average true range: TR needs the previous close (none for the first bar);
/// ATR at bar n is the mean of TR[1..n], then <c>(ATR·(n−1) + TR)/n</c>.
/// </summary>
internal sealed class WilderAtrState(int period)
{
    private double _previousClose = double.NaN;
    private double _seedSum;
    private int _bars;

    public double TrueRange { get; private set; } = double.NaN;

    public double Value { get; private set; } = double.NaN;

    public void Add(in Ohlcv bar)
    {
        TrueRange = TrueRanges.Of(bar, _previousClose);
        _previousClose = bar.Close;
        var index = _bars++;
        if (index == 0)
        {
            return;
        }

        if (index < period)
        {
            _seedSum += TrueRange;
        }
        else if (index == period)
        {
            _seedSum += TrueRange;
            Value = _seedSum / period;
        }
        else
        {
            Value = ((Value * (period - 1)) + TrueRange) / period;
        }
    }
}
