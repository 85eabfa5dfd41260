using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>A symbol's score: the sum of its components' contributions, with each component kept for display.</summary>
public sealed record SymbolScore(InstrumentSymbol Symbol, double Total, IReadOnlyList<ScoreComponentValue> Components);
