namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Wilder's RSI(n) on close-to-close changes: at bar n the average gain/loss is the mean over bars 1..n, then
/// <c>(avg·(n−1) + x)/n</c>; RSI = 100 − 100/(1 + avgGain/avgLoss), and 100 when there were no losses.
/// </summary>
public sealed class RelativeStrengthIndex : Indicator
{
    private static readonly string[] Fields = ["rsi"];
    private double _previousClose = double.NaN;
    private double _averageGain;
    private double _averageLoss;

    public RelativeStrengthIndex(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 14) => new RelativeStrengthIndex(period).Run(bars);

    public override double Output(int field) => Value;

    protected override void Update(in Ohlcv bar)
    {
        var index = Count;
        var change = index == 0 ? 0 : bar.Close - _previousClose;
        _previousClose = bar.Close;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;

        if (index == 0)
        {
            return;
        }

        if (index < Period)
        {
            _averageGain += gain;
            _averageLoss += loss;
            return;
        }

        if (index == Period)
        {
            _averageGain = (_averageGain + gain) / Period;
            _averageLoss = (_averageLoss + loss) / Period;
        }
        else
        {
            _averageGain = ((_averageGain * (Period - 1)) + gain) / Period;
            _averageLoss = ((_averageLoss * (Period - 1)) + loss) / Period;
        }

        Value = _averageLoss == 0 ? 100 : 100 - (100 / (1 + (_averageGain / _averageLoss)));
    }
}
