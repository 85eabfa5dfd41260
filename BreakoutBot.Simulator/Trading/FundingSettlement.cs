using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Trading;

/// <summary>A funding rate applied at a funding time (<c>/v5/market/funding/history</c>).</summary>
public sealed record FundingSettlement(InstrumentSymbol Symbol, decimal Rate, DateTimeOffset Time);
