using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>One symbol's contract and its closed bars in the evaluated interval, oldest first (read lazily).</summary>
public sealed record SymbolSeries(Instrument Instrument, IEnumerable<Candle> Bars);
