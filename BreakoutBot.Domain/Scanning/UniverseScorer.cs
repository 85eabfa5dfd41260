using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Scores every symbol of a scan relative to the others: per weighted component, z = (x − mean) / σ over the symbols
/// that have the measure (population σ), clipped to ±<see cref="DefaultZClip"/>; the score is Σ weight × z.
/// With fewer than two measured symbols, or no spread between them, nothing tells them apart and every z is 0.
/// Symbols are processed in ordinal order of their names, so the result does not depend on the input order.
/// </summary>
public static class UniverseScorer
{
    public const double DefaultZClip = 3;

    // Below this relative spread the differences are rounding noise, not information.
    private const double RelativeSpreadEpsilon = 1e-12;

    private static readonly ScoreComponent[] Components = Enum.GetValues<ScoreComponent>();

    /// <summary>The scores, ordered by symbol (ordinal).</summary>
    /// <exception cref="ArgumentException">A symbol appears twice.</exception>
    public static IReadOnlyList<SymbolScore> Score(
        IReadOnlyList<MarketMetrics> universe, ScannerConfig scanner, VolatilityFilters volatility, double zClip = DefaultZClip)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(volatility);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zClip);
        var symbols = SortedBySymbol(universe);
        var weighted = WeightedComponents(scanner.ScoreWeights);
        var columns = new ScoreComponentValue[weighted.Length][];
        var raw = new double?[symbols.Length];
        for (var c = 0; c < weighted.Length; c++)
        {
            var (component, weight) = weighted[c];
            for (var s = 0; s < symbols.Length; s++)
            {
                raw[s] = ScoreComponentMeasures.RawValue(component, symbols[s], volatility);
            }

            columns[c] = ZScores(component, weight, raw, zClip);
        }

        var scores = new SymbolScore[symbols.Length];
        for (var s = 0; s < symbols.Length; s++)
        {
            var parts = new ScoreComponentValue[weighted.Length];
            var total = 0d;
            for (var c = 0; c < weighted.Length; c++)
            {
                parts[c] = columns[c][s];
                total += parts[c].Contribution;
            }

            scores[s] = new SymbolScore(symbols[s].Symbol, total, parts);
        }

        return scores;
    }

    private static MarketMetrics[] SortedBySymbol(IReadOnlyList<MarketMetrics> universe)
    {
        var symbols = new MarketMetrics[universe.Count];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = universe[i] ?? throw new ArgumentException("The universe contains a null entry.", nameof(universe));
        }

        Array.Sort(symbols, static (a, b) => string.CompareOrdinal(a.Symbol.Value, b.Symbol.Value));
        for (var i = 1; i < symbols.Length; i++)
        {
            if (symbols[i].Symbol == symbols[i - 1].Symbol)
            {
                throw new ArgumentException($"Symbol {symbols[i].Symbol} appears twice in the universe.", nameof(universe));
            }
        }

        return symbols;
    }

    // Enum order, not dictionary order, so the components come out the same way for every preset.
    private static (ScoreComponent Component, decimal Weight)[] WeightedComponents(IReadOnlyDictionary<ScoreComponent, decimal> weights)
    {
        var result = new List<(ScoreComponent, decimal)>(Components.Length);
        foreach (var component in Components)
        {
            if (weights.TryGetValue(component, out var weight))
            {
                result.Add((component, weight));
            }
        }

        return [.. result];
    }

    private static ScoreComponentValue[] ZScores(ScoreComponent component, decimal weight, double?[] raw, double zClip)
    {
        double sum = 0;
        var count = 0;
        foreach (var value in raw)
        {
            if (value is { } x)
            {
                sum += x;
                count++;
            }
        }

        var mean = count > 0 ? sum / count : 0;
        double squares = 0;
        foreach (var value in raw)
        {
            if (value is { } x)
            {
                squares += (x - mean) * (x - mean);
            }
        }

        var deviation = count > 0 ? Math.Sqrt(squares / count) : 0;
        var distinguishable = count >= 2 && deviation > RelativeSpreadEpsilon * Math.Max(1, Math.Abs(mean));
        var values = new ScoreComponentValue[raw.Length];
        for (var s = 0; s < raw.Length; s++)
        {
            if (raw[s] is not { } x)
            {
                values[s] = new ScoreComponentValue(component, null, null, weight, 0);
                continue;
            }

            var z = distinguishable ? Math.Clamp((x - mean) / deviation, -zClip, zClip) : 0;
            values[s] = new ScoreComponentValue(component, x, z, weight, (double)weight * z);
        }

        return values;
    }
}
