namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Donchian(n): highest high and lowest low of the n bars <em>before</em> the current one (so a close above
/// <c>upperBand</c> is a breakout of the prior range); <c>centerline</c> = midpoint, <c>width</c> = (upper − lower)/centerline.
/// First value at bar n.
/// </summary>
public sealed class DonchianChannels : Indicator
{
    private static readonly string[] Fields = ["upperBand", "centerline", "lowerBand", "width"];
    private readonly SlidingExtreme _highest;
    private readonly SlidingExtreme _lowest;
    private readonly double[] _outputs = [double.NaN, double.NaN, double.NaN, double.NaN];

    public DonchianChannels(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _highest = new SlidingExtreme(period, maximum: true);
        _lowest = new SlidingExtreme(period, maximum: false);
    }

    public int Period { get; }

    public double Upper => _outputs[0];

    public double Centerline => _outputs[1];

    public double Lower => _outputs[2];

    public double Width => _outputs[3];

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 20) => new DonchianChannels(period).Run(bars);

    public override double Output(int field) => _outputs[field];

    protected override void Update(in Ohlcv bar)
    {
        // The windows hold the previous n bars while this bar is evaluated; it joins them afterwards.
        if (_highest.IsFull)
        {
            var upper = _highest.Value;
            var lower = _lowest.Value;
            var center = (upper + lower) / 2;
            _outputs[0] = upper;
            _outputs[1] = center;
            _outputs[2] = lower;
            _outputs[3] = center == 0 ? double.NaN : (upper - lower) / center;
        }

        _highest.Add(bar.High);
        _lowest.Add(bar.Low);
    }
}
