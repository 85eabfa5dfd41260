using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// One symbol's seeded price path, bar by bar: range → consolidation (tightening, quiet) → breakout bar (beyond the
/// consolidation's high or low, 3–6× volume) → trend (follow-through, sometimes failing back into range) → range …
/// The same seed gives the same bars on every machine (<see cref="Random"/> with a seed is specified to be stable).
/// </summary>
public sealed class SyntheticPriceProcess
{
    private readonly SyntheticSymbol _symbol;
    private readonly Random _random;
    private readonly CandleInterval _interval;
    private double _price;
    private int _barsLeft;
    private double _consolidationHigh;
    private double _consolidationLow;
    private int _trendDirection;
    private bool _trendFails;

    public SyntheticPriceProcess(SyntheticSymbol symbol, int seed, DateTimeOffset start, CandleInterval interval = CandleInterval.FiveMinutes)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        _symbol = symbol;
        _random = new Random(seed);
        _interval = interval;
        _price = (double)symbol.StartPrice;
        NextOpenTime = interval.OpenTimeContaining(start);
        EnterRange();
    }

    public MarketRegime Regime { get; private set; }

    public DateTimeOffset NextOpenTime { get; private set; }

    /// <summary>The next closed bar.</summary>
    public Candle NextBar()
    {
        var open = _price;
        var (close, range, volumeMultiple) = Regime switch
        {
            MarketRegime.Consolidation => ConsolidationBar(open),
            MarketRegime.Breakout => BreakoutBar(open),
            MarketRegime.Trend => TrendBar(open),
            _ => RangeBar(open),
        };

        var high = Math.Max(open, close) + (range * _random.NextDouble() * 0.5);
        var low = Math.Max(Math.Min(open, close) - (range * _random.NextDouble() * 0.5), (double)_symbol.TickSize);
        var volume = (double)_symbol.BaseVolume * volumeMultiple * (0.6 + (0.8 * _random.NextDouble()));
        var candle = ToCandle(open, high, low, close, volume);
        _price = (double)candle.Close;
        NextOpenTime = _interval.NextOpenTime(NextOpenTime);
        Advance();
        return candle;
    }

    private (double Close, double Range, double VolumeMultiple) RangeBar(double open)
    {
        var volatility = open * _symbol.BarVolatility;
        return (open + (Normal() * volatility), volatility, 1.0);
    }

    private (double Close, double Range, double VolumeMultiple) ConsolidationBar(double open)
    {
        // Pull towards the middle of the box and stay inside it: a quiet, tightening range.
        var middle = (_consolidationHigh + _consolidationLow) / 2;
        var halfWidth = (_consolidationHigh - _consolidationLow) / 2;
        var close = open + ((middle - open) * 0.3) + (Normal() * halfWidth * 0.3);
        close = Math.Clamp(close, _consolidationLow + (halfWidth * 0.05), _consolidationHigh - (halfWidth * 0.05));
        return (close, halfWidth * 0.4, 0.6);
    }

    private (double Close, double Range, double VolumeMultiple) BreakoutBar(double open)
    {
        var width = _consolidationHigh - _consolidationLow;
        var close = _trendDirection > 0
            ? _consolidationHigh + (width * (0.6 + _random.NextDouble()))
            : _consolidationLow - (width * (0.6 + _random.NextDouble()));
        return (close, width * 0.3, 3 + (3 * _random.NextDouble()));
    }

    private (double Close, double Range, double VolumeMultiple) TrendBar(double open)
    {
        var volatility = open * _symbol.BarVolatility;
        var drift = _trendFails ? -_trendDirection * volatility * 0.8 : _trendDirection * volatility * 0.6;
        return (open + drift + (Normal() * volatility * 0.6), volatility, 1.5);
    }

    private void Advance()
    {
        if (--_barsLeft > 0 && Regime != MarketRegime.Breakout)
        {
            return;
        }

        switch (Regime)
        {
            case MarketRegime.Range:
                EnterConsolidation();
                break;
            case MarketRegime.Consolidation:
                Regime = MarketRegime.Breakout;
                _barsLeft = 1;
                break;
            case MarketRegime.Breakout:
                Regime = MarketRegime.Trend;
                _barsLeft = _random.Next(10, 40);
                _trendFails = _random.NextDouble() < 0.25;
                break;
            default:
                EnterRange();
                break;
        }
    }

    private void EnterRange()
    {
        Regime = MarketRegime.Range;
        _barsLeft = _random.Next(10, 40);
    }

    private void EnterConsolidation()
    {
        Regime = MarketRegime.Consolidation;
        _barsLeft = _random.Next(25, 60);
        var halfWidth = _price * (0.003 + (0.004 * _random.NextDouble())) * (_symbol.BarVolatility / SyntheticSymbol.DefaultBarVolatility);
        _consolidationHigh = _price + halfWidth;
        _consolidationLow = _price - halfWidth;
        _trendDirection = _random.NextDouble() < 0.5 ? 1 : -1;
    }

    private Candle ToCandle(double open, double high, double low, double close, double volume)
    {
        var instrument = _symbol.ToInstrument();
        var o = instrument.RoundPriceToTick(ToDecimal(open));
        var c = instrument.RoundPriceToTick(ToDecimal(close));
        var h = Math.Max(instrument.RoundPriceToTick(ToDecimal(high)), Math.Max(o, c));
        var l = Math.Min(instrument.RoundPriceToTick(ToDecimal(low)), Math.Min(o, c));
        l = Math.Max(l, _symbol.TickSize);
        o = Math.Max(o, l);
        c = Math.Max(c, l);
        var quantity = Math.Max(instrument.FloorQuantityToStep(ToDecimal(volume)), _symbol.QtyStep);
        var turnover = decimal.Round(quantity * (h + l + c) / 3, 4);
        return new Candle(_interval, NextOpenTime, o, h, l, c, quantity, turnover, isClosed: true);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static decimal ToDecimal(double value) => (decimal)Math.Clamp(value, 1e-9, 1e12);
}
