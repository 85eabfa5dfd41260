using BreakoutBot.Backtesting.Reports;

namespace BreakoutBot.Backtesting.Sweep;

/// <summary>
/// One combination's results: the whole period, each walk-forward fold (in-sample is the fold before), and the Monte
/// Carlo drawdown of its trades in shuffled order.
/// </summary>
/// <param name="FoldNetPnl">Net PnL of each fold on its own (fold 1 first); empty without walk-forward.</param>
public sealed record SweepRow(
    SweepCombination Combination,
    BacktestSummary Whole,
    IReadOnlyList<decimal> FoldNetPnl,
    decimal MonteCarloDrawdownMedianPct,
    decimal MonteCarloDrawdownP95Pct)
{
    /// <summary>Net PnL of every fold but the first: what the combination made out of sample.</summary>
    public decimal OutOfSampleNetPnl => FoldNetPnl.Skip(1).Sum();
}
