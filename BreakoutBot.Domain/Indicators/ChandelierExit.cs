namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Chandelier Exit(n, m): for longs the highest high of the last n bars (current included) − m·ATR(n), for shorts the
/// lowest low + m·ATR(n). First value at bar n (when Wilder's ATR exists).
/// </summary>
public sealed class ChandelierExit : Indicator
{
    private static readonly string[] Fields = ["chandelierExit"];
    private readonly SlidingExtreme _extreme;
    private readonly WilderAtrState _atr;

    public ChandelierExit(int period = 22, double multiplier = 3, ChandelierDirection direction = ChandelierDirection.Long)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        Period = period;
        Multiplier = multiplier;
        Direction = direction;
        _extreme = new SlidingExtreme(period, maximum: direction == ChandelierDirection.Long);
        _atr = new WilderAtrState(period);
    }

    public int Period { get; }

    public double Multiplier { get; }

    public ChandelierDirection Direction { get; }

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(
        ReadOnlySpan<Ohlcv> bars, int period = 22, double multiplier = 3, ChandelierDirection direction = ChandelierDirection.Long) =>
        new ChandelierExit(period, multiplier, direction).Run(bars);

    public override double Output(int field) => Value;

    protected override void Update(in Ohlcv bar)
    {
        _extreme.Add(Direction == ChandelierDirection.Long ? bar.High : bar.Low);
        _atr.Add(bar);
        if (double.IsNaN(_atr.Value))
        {
            return;
        }

        Value = Direction == ChandelierDirection.Long
            ? _extreme.Value - (Multiplier * _atr.Value)
            : _extreme.Value + (Multiplier * _atr.Value);
    }
}
