namespace BreakoutBot.Contracts.Scanner;

/// <summary>
/// The Scanner's latest evaluation of the whole universe (Redis key <c>scan:latest</c>): every symbol, ranked, with
/// the measured values behind its score and each filter verdict, so the operator can see why a symbol was or was not
/// a candidate.
/// </summary>
/// <param name="SignalsEnabled">False while the engine is not running: data stays fresh, no signal is emitted.</param>
/// <param name="SignalsDisabledReason">Why signals are off, e.g. "engine is Paused".</param>
public sealed record ScanSnapshot(
    string ScanId,
    DateTimeOffset At,
    DateTimeOffset CandleOpenTime,
    string Interval,
    string PresetName,
    int PresetVersion,
    bool SignalsEnabled,
    string? SignalsDisabledReason,
    double EvaluationMilliseconds,
    int SymbolsTracked,
    int SymbolsPassed,
    IReadOnlyList<ScanSymbolRow> Symbols);
