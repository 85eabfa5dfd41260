using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Scanning.Evaluation;

/// <summary>A close evaluated for the whole universe.</summary>
/// <param name="Symbols">Every evaluated symbol, best score first.</param>
/// <param name="Signals">Signals of candidates: these are published.</param>
public sealed record ScanOutcome(
    DateTimeOffset CandleOpenTime,
    IReadOnlyList<SymbolOutcome> Symbols,
    IReadOnlyList<BreakoutSignal> Signals,
    TimeSpan Duration);
