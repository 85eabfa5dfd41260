namespace BreakoutBot.Web.ApiClients;

/// <summary>One symbol of a scan: rank (null when not a candidate), score, components, filter verdicts and levels.</summary>
public sealed record ScanSymbolRow(
    string Symbol,
    int? Rank,
    double Score,
    bool Passed,
    decimal? LastPrice,
    IReadOnlyList<ScanScoreComponentRow> Components,
    IReadOnlyList<ScanFilterRow> Filters,
    IReadOnlyList<ScanLevelRow> Levels,
    string? SignalId,
    IReadOnlyList<string> SignalNotes);
