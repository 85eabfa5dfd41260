using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>One symbol's contract and its closed bars in the evaluated interval, oldest first (read lazily).</summary>
/// <param name="Trades">The symbol's trade tape, oldest first, when there is one: it decides the bars the OHLC cannot.</param>
public sealed record SymbolSeries(Instrument Instrument, IEnumerable<Candle> Bars, IEnumerable<(DateTimeOffset Time, decimal Price)>? Trades = null);
