namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// Anchored VWAP: Σ volume·(H+L+C)/3 ÷ Σ volume from the anchor (the first bar added), with no session reset;
/// start a new instance to re-anchor. NaN while no volume has traded.
/// </summary>
public sealed class VolumeWeightedAveragePrice : Indicator
{
    private static readonly string[] Fields = ["vwap"];
    private double _priceVolume;
    private double _volume;

    public double Value { get; private set; } = double.NaN;

    public override IReadOnlyList<string> FieldNames => Fields;

    public static IndicatorSeries Calculate(ReadOnlySpan<Ohlcv> bars) => new VolumeWeightedAveragePrice().Run(bars);

    public override double Output(int field) => Value;

    protected override void Update(in Ohlcv bar)
    {
        _priceVolume += bar.Volume * (bar.High + bar.Low + bar.Close) / 3;
        _volume += bar.Volume;
        Value = _volume == 0 ? double.NaN : _priceVolume / _volume;
    }
}
