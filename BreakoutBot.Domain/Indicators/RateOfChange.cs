namespace BreakoutBot.Domain.Indicators;

/// <summary>ROC(n): <c>momentum</c> = C − C[n bars ago] and <c>roc</c> = 100·momentum/C[n bars ago]; first value at bar n.</summary>
public sealed class RateOfChange : Indicator
{
    private static readonly string[] Fields = ["momentum", "roc"];
    private readonly RingBuffer _closes;
    private readonly double[] _outputs = [double.NaN, double.NaN];

    public RateOfChange(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _closes = new RingBuffer(period + 1);
    }

    public int Period { get; }

    public double Momentum => _outputs[0];

    public double Value => _outputs[1];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 14) => new RateOfChange(period).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        _closes.Add(bar.Close);
        if (!_closes.IsFull)
        {
            return;
        }

        var then = _closes.Oldest;
        var momentum = bar.Close - then;
        _outputs[0] = momentum;
        _outputs[1] = then == 0 ? double.NaN : 100 * momentum / then;
    }
}
