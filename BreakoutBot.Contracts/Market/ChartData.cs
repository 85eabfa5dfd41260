using BreakoutBot.Contracts.Scanner;

namespace BreakoutBot.Contracts.Market;

/// <summary>Everything to draw one symbol's chart: the venue's candles, the levels of the latest scan, our signals and our entries/exits in the same time span.</summary>
/// <param name="Levels">The symbol's levels from the latest scan (price, role, touches, strength); null when it is not in the scan.</param>
public sealed record ChartData(
    string Symbol,
    string Interval,
    IReadOnlyList<CandleView> Candles,
    IReadOnlyList<ScanLevelRow>? Levels,
    IReadOnlyList<SignalView> Signals,
    IReadOnlyList<TradeMarker> Markers);
