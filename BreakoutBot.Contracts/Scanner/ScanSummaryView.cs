using System.Text.Json;

namespace BreakoutBot.Contracts.Scanner;

/// <summary>A recorded scan summary.</summary>
public sealed record ScanSummaryView(
    long Id,
    DateTimeOffset At,
    DateTimeOffset CandleOpenTime,
    string PresetName,
    int SymbolsTracked,
    int SymbolsPassed,
    int SignalsEmitted,
    double EvaluationMilliseconds,
    JsonElement TopCandidates);
