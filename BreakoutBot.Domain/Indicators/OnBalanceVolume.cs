namespace BreakoutBot.Domain.Indicators;

/// <summary>OBV: starts at 0; adds the volume on an up close, subtracts it on a down close, keeps it on an unchanged close.</summary>
public sealed class OnBalanceVolume : Indicator
{
    private static readonly string[] Fields = ["obv"];
    private double _previousClose;

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars) => new OnBalanceVolume().Run(bars);

    public override double Output(int field) => Value;

    protected override void Update(in Ohlcv bar)
    {
        if (Count == 0)
        {
            Value = 0;
        }
        else if (bar.Close > _previousClose)
        {
            Value += bar.Volume;
        }
        else if (bar.Close < _previousClose)
        {
            Value -= bar.Volume;
        }

        _previousClose = bar.Close;
    }
}
