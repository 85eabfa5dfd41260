namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// SuperTrend(n, m): bands at the bar midpoint ± m·ATR(n) that only tighten while the trend holds. Outputs
/// <c>superTrend</c> (the active band), <c>upperBand</c> (only while bearish) and <c>lowerBand</c> (only while bullish).
/// First value at bar n. Outputs are rounded to 15 significant digits (decimal precision), as the reference does;
/// the bands carried from bar to bar keep full precision.
/// </summary>
public sealed class SuperTrend : Indicator
{
    private static readonly string[] Fields = ["superTrend", "upperBand", "lowerBand"];
    private readonly WilderAtrState _atr;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN];
    private double _previousClose = double.NaN;
    private double _upper = double.NaN;
    private double _lower = double.NaN;
    private bool _bullish;

    public SuperTrend(int period = 10, double multiplier = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        Period = period;
        Multiplier = multiplier;
        _atr = new WilderAtrState(period);
    }

    public int Period { get; }

    public double Multiplier { get; }

    public double Value => _outputs[0];

    public double UpperBand => _outputs[1];

    public double LowerBand => _outputs[2];

    /// <summary>True while the close holds above the lower band.</summary>
    public bool IsBullish => _bullish;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 10, double multiplier = 3) =>
        new SuperTrend(period, multiplier).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        _atr.Add(bar);
        var previousClose = _previousClose;
        _previousClose = bar.Close;
        if (double.IsNaN(_atr.Value))
        {
            return;
        }

        var mid = (bar.High + bar.Low) / 2;
        var basicUpper = mid + (Multiplier * _atr.Value);
        var basicLower = mid - (Multiplier * _atr.Value);

        if (double.IsNaN(_upper))
        {
            _bullish = bar.Close >= mid;
            _upper = basicUpper;
            _lower = basicLower;
        }
        else
        {
            _upper = basicUpper < _upper || previousClose > _upper ? basicUpper : _upper;
            _lower = basicLower > _lower || previousClose < _lower ? basicLower : _lower;
        }

        if (bar.Close <= (_bullish ? _lower : _upper))
        {
            _bullish = false;
            _outputs[0] = RoundLikeDecimal(_upper);
            _outputs[1] = _outputs[0];
            _outputs[2] = double.NaN;
        }
        else
        {
            _bullish = true;
            _outputs[0] = RoundLikeDecimal(_lower);
            _outputs[1] = double.NaN;
            _outputs[2] = _outputs[0];
        }
    }

    private static double RoundLikeDecimal(double value) => (double)(decimal)value;
}
