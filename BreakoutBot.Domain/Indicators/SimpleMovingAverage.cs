namespace BreakoutBot.Domain.Indicators;

/// <summary>SMA(n) of the close: the plain mean of the last n closes, current bar included; first value at bar n−1.</summary>
public sealed class SimpleMovingAverage : Indicator
{
    private static readonly string[] Fields = ["sma"];
    private readonly RingBuffer _closes;

    public SimpleMovingAverage(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _closes = new RingBuffer(period);
    }

    public int Period { get; }

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 20) => new SimpleMovingAverage(period).Run(bars);

    public override double Output(int field) => Value;

    protected override void Update(in Ohlcv bar)
    {
        _closes.Add(bar.Close);
        Value = _closes.IsFull ? _closes.SumInOrder() / Period : double.NaN;
    }
}
