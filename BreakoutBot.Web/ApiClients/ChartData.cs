namespace BreakoutBot.Web.ApiClients;

/// <summary>One symbol's chart: venue candles, levels of the latest scan (null: not in the scan), our signals and fills.</summary>
public sealed record ChartData(
    string Symbol,
    string Interval,
    IReadOnlyList<CandleView> Candles,
    IReadOnlyList<ScanLevelRow>? Levels,
    IReadOnlyList<SignalView> Signals,
    IReadOnlyList<TradeMarker> Markers);
