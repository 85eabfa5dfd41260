namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// MACD(fast, slow, signal): <c>fastEma</c> and <c>slowEma</c> of the close (SMA-seeded), <c>macd</c> = fast − slow
/// (from bar slow−1), <c>signal</c> = EMA(signal) of MACD seeded with the mean of its first values, <c>histogram</c> =
/// MACD − signal.
/// </summary>
public sealed class Macd : Indicator
{
    private static readonly string[] Fields = ["macd", "signal", "histogram", "fastEma", "slowEma"];
    private readonly ExponentialAverageState _fast;
    private readonly ExponentialAverageState _slow;
    private readonly ExponentialAverageState _signal;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowPeriod, fastPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SignalPeriod = signalPeriod;
        _fast = new ExponentialAverageState(fastPeriod);
        _slow = new ExponentialAverageState(slowPeriod);
        _signal = new ExponentialAverageState(signalPeriod);
    }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    public double Value => _outputs[0];

    public double Signal => _outputs[1];

    public double Histogram => _outputs[2];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9) =>
        new Macd(fastPeriod, slowPeriod, signalPeriod).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        var fast = _fast.Add(bar.Close);
        var slow = _slow.Add(bar.Close);
        _outputs[3] = fast;
        _outputs[4] = slow;
        if (double.IsNaN(slow))
        {
            return;
        }

        var macd = fast - slow;
        var signal = _signal.Add(macd);
        _outputs[0] = macd;
        _outputs[1] = signal;
        _outputs[2] = macd - signal;
    }
}
