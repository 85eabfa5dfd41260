using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// Indicator values the trailing stop modes need at a bar's close: ATR and the chandelier extreme (highest high for
/// longs, lowest low for shorts over <c>chandelier_lookback_bars</c>). Null when not (yet) available: no trail then.
/// </summary>
public readonly record struct TrailingInputs(decimal? Atr, decimal? ChandelierExtreme)
{
    /// <summary>
    /// ATR over <paramref name="history"/> (period <paramref name="lookback"/>) and the extreme of its last
    /// <paramref name="lookback"/> bars; empty until the history holds that many bars. The executor and the backtester
    /// both trail with this.
    /// </summary>
    /// <param name="history">Closed bars through the bar being applied, oldest first.</param>
    public static TrailingInputs From(IReadOnlyList<Candle> history, PositionDirection direction, int lookback)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (lookback <= 0 || history.Count < lookback)
        {
            return default;
        }

        var atr = new AverageTrueRange(lookback);
        for (var i = 0; i < history.Count; i++)
        {
            var bar = history[i];
            atr.Add(new Ohlcv((double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume));
        }

        var extreme = direction == PositionDirection.Long ? history[^1].High : history[^1].Low;
        for (var i = history.Count - lookback; i < history.Count; i++)
        {
            extreme = direction == PositionDirection.Long ? Math.Max(extreme, history[i].High) : Math.Min(extreme, history[i].Low);
        }

        return new TrailingInputs(double.IsFinite(atr.Value) ? (decimal)atr.Value : null, extreme);
    }
}
