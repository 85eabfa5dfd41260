namespace BreakoutBot.Domain.Positions;

/// <summary>
/// Indicator values the trailing stop modes need at a bar's close: ATR and the chandelier extreme (highest high for
/// longs, lowest low for shorts over <c>chandelier_lookback_bars</c>). Null when not (yet) available: no trail then.
/// </summary>
public readonly record struct TrailingInputs(decimal? Atr, decimal? ChandelierExtreme);
