using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Scanning.Evaluation;

/// <summary>One symbol's result of a close: its scan verdict, the levels it was judged against, the strategy's answer.</summary>
/// <param name="Instrument">The symbol's contract (tick and lot): what operator-facing prices are rounded to.</param>
/// <param name="Candidate">Passed every filter and ranked within the preset's maximum candidates.</param>
public sealed record SymbolOutcome(
    Instrument Instrument,
    SymbolEvaluation Evaluation,
    int? Rank,
    IReadOnlyList<HorizontalLevel> Levels,
    SignalEvaluation? Signal,
    bool Candidate);
