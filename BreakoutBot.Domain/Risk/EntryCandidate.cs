using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Risk;

/// <summary>A trade the strategy wants to open, before sizing. <see cref="BtcCorrelation"/> is null when unknown.</summary>
public sealed record EntryCandidate(InstrumentSymbol Symbol, PositionDirection Direction, decimal? BtcCorrelation);
