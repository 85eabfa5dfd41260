using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>One symbol's scan: what was measured, every filter verdict, and its score within the universe.</summary>
public sealed record SymbolEvaluation(MarketMetrics Metrics, IReadOnlyList<FilterResult> Filters, SymbolScore Score)
{
    public InstrumentSymbol Symbol => Metrics.Symbol;

    public bool PassedAllFilters => ScanFilters.AllPassed(Filters);
}
