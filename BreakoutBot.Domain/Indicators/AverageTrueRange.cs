namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Wilder's ATR(n) with outputs <c>tr</c> (from bar 1), <c>atr</c> (from bar n: mean of TR[1..n], then Wilder
/// smoothing) and <c>atrp</c> = ATR as a percentage of the close.
/// </summary>
public sealed class AverageTrueRange : Indicator
{
    private static readonly string[] Fields = ["tr", "atr", "atrp"];
    private readonly WilderAtrState _atr;

    public AverageTrueRange(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _atr = new WilderAtrState(period);
    }

    public int Period { get; }

    public double TrueRange => _atr.TrueRange;

    public double Value => _atr.Value;

    public double Percent { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars, int period = 14) => new AverageTrueRange(period).Run(bars);

    public override double Output(int field) => field switch
    {
        0 => TrueRange,
        1 => Value,
        _ => Percent,
    };

    protected override void Update(in Ohlcv bar)
    {
        _atr.Add(bar);
        Percent = _atr.Value / bar.Close * 100;
    }
}
