using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// Performance of a run: trade statistics (overall and per symbol) from closed trades, and risk-adjusted return,
/// drawdown and exposure from equity snapshots.
/// </summary>
/// <remarks>
/// Returns are simple returns between consecutive snapshots (equityᵢ ÷ equityᵢ₋₁ − 1), so their period is the
/// snapshot interval: pass evenly spaced snapshots (for example one per day) for the ratios to mean anything.
/// Sharpe and Sortino assume a zero risk-free rate and target return, and are per snapshot period, not annualised,
/// unless <c>periodsPerYear</c> is given (365 for daily crypto snapshots), in which case they are multiplied by its square root.
/// </remarks>
public sealed record PerformanceStatistics
{
    /// <summary>Statistics of all trades.</summary>
    public required TradeStatistics Trades { get; init; }

    /// <summary>Statistics of each symbol's trades.</summary>
    public required IReadOnlyDictionary<InstrumentSymbol, TradeStatistics> BySymbol { get; init; }

    /// <summary>Number of snapshot-to-snapshot returns behind the ratios.</summary>
    public required int ReturnCount { get; init; }

    /// <summary>
    /// Mean return ÷ sample standard deviation of returns (n − 1). Null with fewer than two returns or when every
    /// return is the same (zero deviation).
    /// </summary>
    public required double? SharpeRatio { get; init; }

    /// <summary>
    /// Mean return ÷ downside deviation, √(Σ min(r, 0)² ÷ n) over all n returns. Null with fewer than two returns or
    /// when no return was negative (no downside to divide by).
    /// </summary>
    public required double? SortinoRatio { get; init; }

    /// <summary>Largest fall of equity from its running peak, in USDT; null without snapshots.</summary>
    public required decimal? MaxDrawdownUsd { get; init; }

    /// <summary>
    /// Largest fall of equity from its running peak as a fraction of that peak (0.1 = 10 %); it may come from a
    /// different peak than <see cref="MaxDrawdownUsd"/>. Null without snapshots or when no peak was positive.
    /// </summary>
    public required decimal? MaxDrawdownFraction { get; init; }

    /// <summary>
    /// Fraction of the snapshot span (first to last snapshot) during which at least one trade was open, from the
    /// trades' open and close times; positions still open are not closed trades and do not count. Null when the span is empty.
    /// </summary>
    public required decimal? Exposure { get; init; }

    /// <param name="periodsPerYear">Snapshot periods per year to annualise Sharpe and Sortino by; null leaves them per period.</param>
    public static PerformanceStatistics From(
        IReadOnlyCollection<ClosedTrade> trades,
        IReadOnlyCollection<EquitySnapshot> snapshots,
        int? periodsPerYear = null)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (periodsPerYear is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be positive.");
        }

        var ordered = snapshots.OrderBy(s => s.At).ToList();
        var returns = Returns(ordered);
        var annualisation = periodsPerYear is { } periods ? Math.Sqrt(periods) : 1d;
        var (drawdownUsd, drawdownFraction) = MaxDrawdown(ordered);

        return new PerformanceStatistics
        {
            Trades = TradeStatistics.From(trades),
            BySymbol = trades.GroupBy(t => t.Symbol).ToDictionary(g => g.Key, g => TradeStatistics.From(g)),
            ReturnCount = returns.Count,
            SharpeRatio = Sharpe(returns) * annualisation,
            SortinoRatio = Sortino(returns) * annualisation,
            MaxDrawdownUsd = drawdownUsd,
            MaxDrawdownFraction = drawdownFraction,
            Exposure = ExposedFraction(trades, ordered),
        };
    }

    private static List<double> Returns(List<EquitySnapshot> ordered)
    {
        var returns = new List<double>(Math.Max(0, ordered.Count - 1));
        for (var i = 1; i < ordered.Count; i++)
        {
            // A return from zero or negative equity has no meaning; the account was already wiped out.
            if (ordered[i - 1].Equity > 0m)
            {
                returns.Add((double)(ordered[i].Equity / ordered[i - 1].Equity - 1m));
            }
        }

        return returns;
    }

    private static double? Sharpe(List<double> returns)
    {
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return variance > 0d ? mean / Math.Sqrt(variance) : null;
    }

    private static double? Sortino(List<double> returns)
    {
        if (returns.Count < 2 || !returns.Exists(r => r < 0d))
        {
            return null;
        }

        var downsideVariance = returns.Sum(r => r < 0d ? r * r : 0d) / returns.Count;
        return returns.Average() / Math.Sqrt(downsideVariance);
    }

    private static (decimal? Usd, decimal? Fraction) MaxDrawdown(List<EquitySnapshot> ordered)
    {
        if (ordered.Count == 0)
        {
            return (null, null);
        }

        var peak = ordered[0].Equity;
        decimal drawdownUsd = 0m, drawdownFraction = 0m;
        var anyPositivePeak = peak > 0m;
        foreach (var snapshot in ordered)
        {
            peak = Math.Max(peak, snapshot.Equity);
            var fall = peak - snapshot.Equity;
            drawdownUsd = Math.Max(drawdownUsd, fall);
            if (peak > 0m)
            {
                anyPositivePeak = true;
                drawdownFraction = Math.Max(drawdownFraction, fall / peak);
            }
        }

        return (drawdownUsd, anyPositivePeak ? drawdownFraction : null);
    }

    private static decimal? ExposedFraction(IReadOnlyCollection<ClosedTrade> trades, List<EquitySnapshot> ordered)
    {
        if (ordered.Count < 2 || ordered[^1].At <= ordered[0].At)
        {
            return null;
        }

        var spanStart = ordered[0].At;
        var spanEnd = ordered[^1].At;
        var intervals = trades
            .Select(t => (Start: Later(t.OpenedAt, spanStart), End: Earlier(t.ClosedAt, spanEnd)))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start);

        // Overlapping trades (several symbols at once) must count their shared time once.
        var exposed = TimeSpan.Zero;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var (start, end) in intervals)
        {
            if (runEnd is { } currentEnd && start <= currentEnd)
            {
                runEnd = Later(currentEnd, end);
                continue;
            }

            if (runStart is { } previousStart && runEnd is { } previousEnd)
            {
                exposed += previousEnd - previousStart;
            }

            (runStart, runEnd) = (start, end);
        }

        if (runStart is { } lastStart && runEnd is { } lastEnd)
        {
            exposed += lastEnd - lastStart;
        }

        return (decimal)exposed.Ticks / (spanEnd - spanStart).Ticks;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
