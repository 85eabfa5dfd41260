using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Risk;

/// <summary>An open position or an entry in flight, as the portfolio limits see it.</summary>
public sealed record OpenExposure(InstrumentSymbol Symbol, PositionDirection Direction, decimal Notional, decimal? BtcCorrelation);
