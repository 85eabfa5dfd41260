using System.Diagnostics;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Reports;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Sweep;

/// <summary>What a sweep runs over: the combinations, the period, the folds and the Monte Carlo.</summary>
/// <param name="Settings">Everything but the preset and the period (fees, slippage, balance, seed, interval).</param>
/// <param name="Folds">Walk-forward folds: the period in this many equal parts, each judged out of sample after the one before (1 = none).</param>
public sealed record SweepPlan(
    IReadOnlyList<SweepCombination> Combinations,
    BacktestSettings Settings,
    DateTimeOffset From,
    DateTimeOffset To,
    int Folds,
    int MonteCarloRuns,
    int Symbols);

/// <summary>
/// Runs every combination over the whole period and over each fold, in parallel across cores (each backtest reads its
/// own copy of the data, so nothing is shared), and ranks them: by out-of-sample net PnL with walk-forward folds, by
/// net PnL otherwise; ties keep grid order. The same plan gives the same rows, whatever the parallelism.
/// </summary>
public static class SweepRunner
{
    /// <param name="backtest">Runs one backtest with these settings over freshly opened data.</param>
    public static (IReadOnlyList<SweepRow> Ranked, IReadOnlyList<WalkForwardStep> WalkForward) Run(
        SweepPlan plan, Func<BacktestSettings, BacktestResult> backtest, int parallelism, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(backtest);
        var segments = Segments(plan);
        var jobs = plan.Combinations.SelectMany((_, combination) => segments.Select((_, segment) => (combination, segment))).ToList();
        var results = new BacktestSummary[plan.Combinations.Count, segments.Count];
        var trades = new IReadOnlyList<decimal>[plan.Combinations.Count];
        var done = 0;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, job =>
        {
            var (from, to) = segments[job.segment];
            var settings = plan.Settings with { Preset = plan.Combinations[job.combination].Preset, From = from, To = to };
            var clock = Stopwatch.StartNew();
            var result = backtest(settings);
            results[job.combination, job.segment] = BacktestSummary.Of(result, settings, plan.Symbols, clock.Elapsed);
            if (job.segment == 0)
            {
                trades[job.combination] = [.. result.Trades.Select(trade => trade.NetPnl)];
            }

            progress?.Report(Interlocked.Increment(ref done));
        });

        var rows = plan.Combinations.Select((combination, index) =>
        {
            var (median, p95) = MonteCarloDrawdown.Of(trades[index], plan.Settings.StartingBalance, plan.MonteCarloRuns, plan.Settings.Seed);
            var folds = Enumerable.Range(1, segments.Count - 1).Select(segment => results[index, segment].NetPnl).ToList();
            return new SweepRow(combination, results[index, 0], folds, median, p95);
        }).ToList();
        var ranked = rows
            .OrderByDescending(row => plan.Folds > 1 ? row.OutOfSampleNetPnl : row.Whole.NetPnl)
            .ThenBy(row => row.Combination.Number)
            .ToList();
        return (ranked, WalkForward(plan, rows, segments));
    }

    /// <summary>The whole period first, then each fold: equal parts of the period on the interval's grid.</summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Segments(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var segments = new List<(DateTimeOffset, DateTimeOffset)> { (plan.From, plan.To) };
        if (plan.Folds <= 1)
        {
            return segments;
        }

        var step = plan.Settings.Interval.FixedDuration!.Value;
        var bars = (plan.To - plan.From).Ticks / step.Ticks;
        for (var fold = 0; fold < plan.Folds; fold++)
        {
            var from = plan.From + (step * (bars * fold / plan.Folds));
            var to = fold == plan.Folds - 1 ? plan.To : plan.From + (step * (bars * (fold + 1) / plan.Folds));
            segments.Add((from, to));
        }

        return segments;
    }

    private static List<WalkForwardStep> WalkForward(SweepPlan plan, List<SweepRow> rows, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> segments)
    {
        var steps = new List<WalkForwardStep>();
        for (var fold = 1; fold < plan.Folds; fold++)
        {
            var chosen = rows.OrderByDescending(row => row.FoldNetPnl[fold - 1]).ThenBy(row => row.Combination.Number).First();
            steps.Add(new WalkForwardStep(fold + 1, segments[fold].From, segments[fold + 1].From, segments[fold + 1].To,
                chosen.Combination.Number, chosen.FoldNetPnl[fold - 1], chosen.FoldNetPnl[fold]));
        }

        return steps;
    }
}
