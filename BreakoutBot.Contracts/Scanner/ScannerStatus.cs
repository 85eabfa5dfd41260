namespace BreakoutBot.Contracts.Scanner;

/// <summary>The Scanner's health as it reports it (Redis key <c>scanner:status</c>).</summary>
/// <param name="State">Starting, Scanning or Degraded (market data incomplete; see <paramref name="Detail"/>).</param>
/// <param name="LagSeconds">From the last processed candle's close to its evaluation.</param>
public sealed record ScannerStatus(
    DateTimeOffset At,
    string State,
    string? Detail,
    int SymbolsTracked,
    DateTimeOffset? LastCandleOpenTime,
    DateTimeOffset? LastEvaluatedAt,
    double? LagSeconds,
    string? PresetName,
    int? PresetVersion,
    bool SignalsEnabled,
    long DataGaps,
    long StreamReconnects);
