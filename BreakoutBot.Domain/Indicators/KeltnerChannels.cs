namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Keltner(emaPeriod, multiplier, atrPeriod): centerline = EMA of the close, bands = EMA ± multiplier·ATR (Wilder),
/// <c>width</c> = (upper − lower)/centerline. First value once both EMA and ATR exist.
/// </summary>
public sealed class KeltnerChannels : Indicator
{
    private static readonly string[] Fields = ["upperBand", "centerline", "lowerBand", "width"];
    private readonly ExponentialAverageState _ema;
    private readonly WilderAtrState _atr;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN, double.NaN];

    public KeltnerChannels(int emaPeriod = 20, double multiplier = 2, int atrPeriod = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(emaPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(atrPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        EmaPeriod = emaPeriod;
        Multiplier = multiplier;
        AtrPeriod = atrPeriod;
        _ema = new ExponentialAverageState(emaPeriod);
        _atr = new WilderAtrState(atrPeriod);
    }

    public int EmaPeriod { get; }

    public double Multiplier { get; }

    public int AtrPeriod { get; }

    public double Upper => _outputs[0];

    public double Centerline => _outputs[1];

    public double Lower => _outputs[2];

    public double Width => _outputs[3];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int emaPeriod = 20, double multiplier = 2, int atrPeriod = 10) =>
        new KeltnerChannels(emaPeriod, multiplier, atrPeriod).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        var center = _ema.Add(bar.Close);
        _atr.Add(bar);
        if (double.IsNaN(center) || double.IsNaN(_atr.Value))
        {
            return;
        }

        var offset = Multiplier * _atr.Value;
        var upper = center + offset;
        var lower = center - offset;
        _outputs[0] = upper;
        _outputs[1] = center;
        _outputs[2] = lower;
        // (upper − lower) written as 2·offset: equal in exact arithmetic, and the form the reference series uses.
        _outputs[3] = center == 0 ? double.NaN : 2 * offset / center;
    }
}
