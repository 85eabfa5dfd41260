using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>Filters, scores and ranks an evaluated universe with one preset.</summary>
public static class MarketScan
{
    /// <param name="filtersNotEvaluated">Filters the data cannot feed: they pass and are reported as not evaluated.</param>
    public static MarketScanResult Run(
        IReadOnlyList<MarketMetrics> universe, TradingPreset preset, double zClip = UniverseScorer.DefaultZClip, IReadOnlySet<string>? filtersNotEvaluated = null)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(preset);
        var scores = UniverseScorer.Score(universe, preset.ScannerConfig, preset.VolatilityFilters, zClip);
        var bySymbol = new Dictionary<string, MarketMetrics>(universe.Count, StringComparer.Ordinal);
        foreach (var metrics in universe)
        {
            bySymbol[metrics.Symbol.Value] = metrics;
        }

        var evaluations = new List<SymbolEvaluation>(scores.Count);
        foreach (var score in scores)
        {
            var metrics = bySymbol[score.Symbol.Value];
            evaluations.Add(new SymbolEvaluation(metrics, ScanFilters.Evaluate(metrics, preset, filtersNotEvaluated), score));
        }

        evaluations.Sort(CandidateRanking.ByScoreThenSymbol);
        return new MarketScanResult(evaluations, CandidateRanking.Rank(evaluations, preset.ScannerConfig.MaxCandidates));
    }
}
