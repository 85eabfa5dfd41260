namespace BreakoutBot.Web.ApiClients;

/// <summary>One symbol's row of the latest scan and its recent signals.</summary>
public sealed record SymbolScan(string ScanId, DateTimeOffset ScannedAt, ScanSymbolRow Row, IReadOnlyList<SignalView> RecentSignals);
