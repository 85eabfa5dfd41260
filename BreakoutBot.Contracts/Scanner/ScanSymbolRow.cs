namespace BreakoutBot.Contracts.Scanner;

/// <summary>One symbol in a <see cref="ScanSnapshot"/>.</summary>
/// <param name="Rank">Position among the candidates (1 = best), null when not a candidate.</param>
/// <param name="Passed">Every filter passed.</param>
/// <param name="SignalId">The signal this close produced, if any.</param>
/// <param name="SignalNotes">Why no signal was produced (the strategy's rejections), or why a signal was not emitted.</param>
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
