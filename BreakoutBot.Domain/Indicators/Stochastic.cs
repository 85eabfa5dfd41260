namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Stochastic(lookback, signal, smooth) with SMA smoothing. Raw %K = 100·(C − LL)/(HH − LL) over the lookback
/// (current bar included; 0 when HH = LL, clamped to [0, 100]); <c>oscillator</c> (%K) = SMA(smooth) of raw %K,
/// <c>signal</c> (%D) = SMA(signal) of %K, <c>percentJ</c> = 3·%K − 2·%D. <c>k</c>, <c>d</c>, <c>j</c> repeat them.
/// </summary>
public sealed class Stochastic : Indicator
{
    private static readonly string[] Fields = ["oscillator", "signal", "percentJ", "k", "d", "j"];
    private readonly SlidingExtreme _highest;
    private readonly SlidingExtreme _lowest;
    private readonly RingBuffer _raw;
    private readonly RingBuffer _oscillators;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN];

    public Stochastic(int lookbackPeriod = 14, int signalPeriod = 3, int smoothPeriod = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookbackPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(smoothPeriod, 1);
        LookbackPeriod = lookbackPeriod;
        SignalPeriod = signalPeriod;
        SmoothPeriod = smoothPeriod;
        _highest = new SlidingExtreme(lookbackPeriod, maximum: true);
        _lowest = new SlidingExtreme(lookbackPeriod, maximum: false);
        _raw = new RingBuffer(smoothPeriod);
        _oscillators = new RingBuffer(signalPeriod);
    }

    public int LookbackPeriod { get; }

    public int SignalPeriod { get; }

    public int SmoothPeriod { get; }

    public double Oscillator => _outputs[0];

    public double Signal => _outputs[1];

    public double PercentJ => _outputs[2];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int lookbackPeriod = 14, int signalPeriod = 3, int smoothPeriod = 3) =>
        new Stochastic(lookbackPeriod, signalPeriod, smoothPeriod).Run(bars);

    public override double Output(int field) => _outputs[field % 3];

    protected override void Update(in Ohlcv bar)
    {
        _highest.Add(bar.High);
        _lowest.Add(bar.Low);
        if (!_highest.IsFull)
        {
            return;
        }

        _raw.Add(RawPercentK(bar.Close, _highest.Value, _lowest.Value));
        if (!_raw.IsFull)
        {
            return;
        }

        var oscillator = _raw.SumInOrder() / SmoothPeriod;
        _oscillators.Add(oscillator);
        _outputs[0] = oscillator;
        if (!_oscillators.IsFull)
        {
            return;
        }

        var signal = _oscillators.SumInOrder() / SignalPeriod;
        _outputs[1] = signal;
        _outputs[2] = (3 * oscillator) - (2 * signal);
    }

    private static double RawPercentK(double close, double highest, double lowest)
    {
        if (highest == lowest)
        {
            return 0;
        }

        if (close >= highest)
        {
            return 100;
        }

        return close <= lowest ? 0 : 100 * (close - lowest) / (highest - lowest);
    }
}
