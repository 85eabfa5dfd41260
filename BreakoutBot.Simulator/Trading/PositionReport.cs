using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Trading;

/// <summary>A symbol's position after a change; <see cref="Position"/> is null when flat.</summary>
public sealed record PositionReport(InstrumentSymbol Symbol, PositionState? Position, decimal MarkPrice, decimal Leverage);
