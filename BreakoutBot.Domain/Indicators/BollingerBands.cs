namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Bollinger Bands(n, k) on the close: middle = SMA(n), bands = SMA ± k·σ with the population standard deviation of
/// the same n closes; <c>percentB</c> = (close − lower)/(upper − lower), <c>zScore</c> = (close − SMA)/σ,
/// <c>width</c> = (upper − lower)/SMA. First value at bar n−1.
/// </summary>
public sealed class BollingerBands : Indicator
{
    private static readonly string[] Fields = ["sma", "upperBand", "lowerBand", "percentB", "zScore", "width"];
    private readonly RingBuffer _closes;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];

    public BollingerBands(int period = 20, double standardDeviations = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(standardDeviations);
        Period = period;
        StandardDeviations = standardDeviations;
        _closes = new RingBuffer(period);
    }

    public int Period { get; }

    public double StandardDeviations { get; }

    public double Middle => _outputs[0];

    public double Upper => _outputs[1];

    public double Lower => _outputs[2];

    public double PercentB => _outputs[3];

    public double ZScore => _outputs[4];

    public double Width => _outputs[5];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 20, double standardDeviations = 2) =>
        new BollingerBands(period, standardDeviations).Run(bars);

    public override double Output(int field) => _outputs[field];

    /// <summary>
    /// The <see cref="Width"/> of one window of closes (oldest first; the period is its length), with the very same
    /// floating-point operations as a streaming update, so the result is bit for bit the indicator's. For callers that
    /// need widths of the last few windows of a long series without running the bands over all of it.
    /// </summary>
    public static double WidthOf(ReadOnlySpan<double> closes, double standardDeviations = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closes.Length, 1, nameof(closes));
        var period = closes.Length;
        var sum = 0d;
        foreach (var close in closes)
        {
            sum += close;
        }

        var mean = sum / period;
        var squares = 0d;
        foreach (var close in closes)
        {
            var deviation = close - mean;
            squares += deviation * deviation;
        }

        var standardDeviation = Math.Sqrt(squares / period);
        var upper = mean + (standardDeviations * standardDeviation);
        var lower = mean - (standardDeviations * standardDeviation);
        return mean == 0 ? double.NaN : (upper - lower) / mean;
    }

    protected override void Update(in Ohlcv bar)
    {
        _closes.Add(bar.Close);
        if (!_closes.IsFull)
        {
            return;
        }

        var mean = _closes.SumInOrder() / Period;
        var deviation = Math.Sqrt(_closes.SumOfSquaredDeviations(mean) / Period);
        var upper = mean + (StandardDeviations * deviation);
        var lower = mean - (StandardDeviations * deviation);
        _outputs[0] = mean;
        _outputs[1] = upper;
        _outputs[2] = lower;
        _outputs[3] = upper == lower ? double.NaN : (bar.Close - lower) / (upper - lower);
        _outputs[4] = deviation == 0 ? double.NaN : (bar.Close - mean) / deviation;
        _outputs[5] = mean == 0 ? double.NaN : (upper - lower) / mean;
    }
}
