using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>A position as the venue reports it (<c>/v5/position/list</c>).</summary>
public sealed record VenuePosition(InstrumentSymbol Symbol, PositionDirection Direction, decimal Size, decimal AveragePrice, decimal UnrealisedPnl);
