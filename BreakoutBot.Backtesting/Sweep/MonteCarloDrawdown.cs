namespace BreakoutBot.Backtesting.Sweep;

/// <summary>
/// How deep the drawdown could have been with the same trades in another order: the trades' net PnL is reshuffled
/// <c>runs</c> times (seeded), the balance path rebuilt each time, and the maximum drawdown's distribution read off.
/// </summary>
public static class MonteCarloDrawdown
{
    /// <returns>The median and 95th percentile of the maximum drawdown, in percent of the running peak; zeros without trades.</returns>
    public static (decimal Median, decimal Percentile95) Of(IReadOnlyList<decimal> netPnls, decimal startingBalance, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(netPnls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        if (netPnls.Count == 0)
        {
            return (0m, 0m);
        }

        var random = new Random(seed);
        var order = netPnls.ToArray();
        var drawdowns = new decimal[runs];
        for (var run = 0; run < runs; run++)
        {
            random.Shuffle(order);
            drawdowns[run] = MaxDrawdownPercent(order, startingBalance);
        }

        Array.Sort(drawdowns);
        return (drawdowns[(runs - 1) / 2], drawdowns[(int)Math.Ceiling(0.95 * runs) - 1]);
    }

    /// <summary>The deepest fall from a running peak of the balance path, in percent of that peak.</summary>
    public static decimal MaxDrawdownPercent(IReadOnlyList<decimal> netPnls, decimal startingBalance)
    {
        ArgumentNullException.ThrowIfNull(netPnls);
        var (balance, peak, deepest) = (startingBalance, startingBalance, 0m);
        foreach (var pnl in netPnls)
        {
            balance += pnl;
            peak = Math.Max(peak, balance);
            if (peak > 0)
            {
                deepest = Math.Max(deepest, (peak - balance) / peak * 100m);
            }
        }

        return decimal.Round(deepest, 4);
    }
}
