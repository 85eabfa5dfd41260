namespace BreakoutBot.Domain.Indicators;

/// <summary>EMA(n) of the close, seeded with SMA(n) at bar n−1, then <c>ema += 2/(n+1)·(close − ema)</c>.</summary>
public sealed class ExponentialMovingAverage : Indicator
{
    private static readonly string[] Fields = ["ema"];
    private readonly ExponentialAverageState _ema;

    public ExponentialMovingAverage(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _ema = new ExponentialAverageState(period);
    }

    public int Period { get; }

    public double Value => _ema.Value;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 20) => new ExponentialMovingAverage(period).Run(bars);

    public override double Output(int field) => Value;

    /// <summary>The batch in one loop (see <see cref="ExponentialAverageState.AddCloses"/>): identical to adding bar by bar.</summary>
    public override IndicatorSeries Run(ReadOnlySpan<Ohlcv> bars)
    {
        var series = new IndicatorSeries(Fields, bars.Length);
        _ema.AddCloses(bars, series.Column(0).AsSpan(0, bars.Length));
        Advance(bars.Length);
        return series;
    }

    protected override void Update(in Ohlcv bar) => _ema.Add(bar.Close);
}
