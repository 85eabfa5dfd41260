namespace BreakoutBot.Web.ApiClients;

/// <summary>The Scanner's latest evaluation of the universe (<c>GET /api/scanner/latest</c>, hub <c>ScanSnapshot</c>).</summary>
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
