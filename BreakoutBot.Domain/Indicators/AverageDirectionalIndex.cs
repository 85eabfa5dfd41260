namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// ADX(n) with +DI/−DI (<c>pdi</c>, <c>mdi</c>), <c>dx</c>, <c>adx</c> and <c>adxr</c>. Directional movement and true
/// range are Wilder-summed (plain sums over bars 1..n, then <c>s − s/n + x</c>); DI from bar n; ADX at bar 2n−1 is the
/// mean of DX over bars n..2n−1, then Wilder-smoothed; ADXR = (ADX + ADX n bars ago)/2 from bar 3n−1.
/// </summary>
public sealed class AverageDirectionalIndex : Indicator
{
    private static readonly string[] Fields = ["pdi", "mdi", "dx", "adx", "adxr"];
    private readonly RingBuffer _adxHistory;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
    private Ohlcv _previous;
    private double _trueRangeSum;
    private double _plusMovementSum;
    private double _minusMovementSum;
    private double _dxSeedSum;
    private double _adx = double.NaN;

    public AverageDirectionalIndex(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _adxHistory = new RingBuffer(period + 1);
    }

    public int Period { get; }

    public double PlusDirectionalIndicator => _outputs[0];

    public double MinusDirectionalIndicator => _outputs[1];

    public double DirectionalMovementIndex => _outputs[2];

    public double Value => _outputs[3];

    public double Rating => _outputs[4];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 14) => new AverageDirectionalIndex(period).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        var index = Count;
        if (index == 0)
        {
            _previous = bar;
            return;
        }

        var trueRange = TrueRanges.Of(bar, _previous.Close);
        var up = bar.High - _previous.High;
        var down = _previous.Low - bar.Low;
        var plusMovement = up > down && up > 0 ? up : 0;
        var minusMovement = down > up && down > 0 ? down : 0;
        _previous = bar;

        if (index <= Period)
        {
            _trueRangeSum += trueRange;
            _plusMovementSum += plusMovement;
            _minusMovementSum += minusMovement;
            if (index < Period)
            {
                return;
            }
        }
        else
        {
            _trueRangeSum = _trueRangeSum - (_trueRangeSum / Period) + trueRange;
            _plusMovementSum = _plusMovementSum - (_plusMovementSum / Period) + plusMovement;
            _minusMovementSum = _minusMovementSum - (_minusMovementSum / Period) + minusMovement;
        }

        if (_trueRangeSum == 0)
        {
            _outputs[0] = _outputs[1] = _outputs[2] = double.NaN;
            return;
        }

        var plusIndicator = 100 * _plusMovementSum / _trueRangeSum;
        var minusIndicator = 100 * _minusMovementSum / _trueRangeSum;
        var sum = plusIndicator + minusIndicator;
        var dx = sum == 0 ? 0 : 100 * Math.Abs(plusIndicator - minusIndicator) / sum;
        _outputs[0] = plusIndicator;
        _outputs[1] = minusIndicator;
        _outputs[2] = dx;

        var adxIndex = (2 * Period) - 1;
        if (index < adxIndex)
        {
            _dxSeedSum += dx;
            return;
        }

        _adx = index == adxIndex
            ? (_dxSeedSum + dx) / Period
            : ((_adx * (Period - 1)) + dx) / Period;
        _adxHistory.Add(_adx);
        _outputs[3] = _adx;
        _outputs[4] = _adxHistory.IsFull ? (_adx + _adxHistory.Oldest) / 2 : double.NaN;
    }
}
