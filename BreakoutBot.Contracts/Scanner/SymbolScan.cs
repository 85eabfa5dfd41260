
namespace BreakoutBot.Contracts.Scanner;

/// <summary>One symbol's row of the latest scan (filters with values/thresholds/pass, score components, levels) and its recent signals.</summary>
public sealed record SymbolScan(string ScanId, DateTimeOffset ScannedAt, ScanSymbolRow Row, IReadOnlyList<SignalView> RecentSignals);
