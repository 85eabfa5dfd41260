using BreakoutBot.Contracts.Backtests;

namespace BreakoutBot.Web.Charts;

/// <summary>Curves drawn from a backtest's equity points: drawdown from the running peak and return on the starting equity, in percent.</summary>
public static class BacktestCurves
{
    /// <summary>How far below its running peak the equity is at each point (0 or negative percent).</summary>
    public static IReadOnlyList<(DateTimeOffset At, double Percent)> Drawdown(IReadOnlyList<BacktestEquityPoint> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var peak = decimal.MinValue;
        var points = new List<(DateTimeOffset, double)>(equity.Count);
        foreach (var point in equity)
        {
            peak = Math.Max(peak, point.Equity);
            points.Add((point.At, peak > 0 ? (double)((point.Equity - peak) / peak * 100m) : 0d));
        }

        return points;
    }

    /// <summary>The return on the first point's equity at each point, in percent (so runs of different balances compare).</summary>
    public static IReadOnlyList<(DateTimeOffset At, double Percent)> Return(IReadOnlyList<BacktestEquityPoint> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        if (equity.Count == 0 || equity[0].Equity <= 0)
        {
            return [];
        }

        var start = equity[0].Equity;
        return [.. equity.Select(point => (point.At, (double)((point.Equity - start) / start * 100m)))];
    }
}
