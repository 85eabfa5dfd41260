using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>Open interest of a symbol at a time (<c>/v5/market/open-interest</c>), in base coin.</summary>
public sealed record OpenInterestPoint(InstrumentSymbol Symbol, DateTimeOffset Time, decimal OpenInterest);
