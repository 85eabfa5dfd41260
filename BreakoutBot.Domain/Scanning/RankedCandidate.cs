using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>A symbol that passed every filter, at its place (1 = best) in the score order.</summary>
public sealed record RankedCandidate(int Rank, SymbolEvaluation Evaluation)
{
    public InstrumentSymbol Symbol => Evaluation.Symbol;

    public double Score => Evaluation.Score.Total;
}
