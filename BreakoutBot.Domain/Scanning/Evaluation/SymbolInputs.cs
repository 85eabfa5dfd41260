using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning.Evaluation;

/// <summary>A consistent copy of one symbol's market data, taken for one evaluation.</summary>
/// <param name="Candles">Closed candles through the evaluated bar, oldest first.</param>
public sealed record SymbolInputs(
    Instrument Instrument,
    IReadOnlyList<Candle> Candles,
    Ticker? Ticker,
    OrderBookSnapshot? OrderBook,
    IReadOnlyList<Trade> RecentTrades,
    DateTimeOffset? TradesCompleteSince,
    IReadOnlyList<OpenInterestSample>? OpenInterestHistory = null);
