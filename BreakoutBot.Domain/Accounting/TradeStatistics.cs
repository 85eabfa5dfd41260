namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// Statistics of a set of closed trades, judged by <see cref="ClosedTrade.NetPnl"/> (after fees and funding) in the
/// order the trades closed. A trade with a net PnL of exactly zero is neither a win nor a loss, but it counts in
/// <see cref="TradeCount"/> and it ends a losing streak.
/// </summary>
public sealed record TradeStatistics
{
    public required int TradeCount { get; init; }

    public required int WinCount { get; init; }

    public required int LossCount { get; init; }

    /// <summary>Wins ÷ all trades (break-evens included); null when there are no trades.</summary>
    public required decimal? WinRate { get; init; }

    /// <summary>Σ net PnL in USDT.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>Σ net PnL of winning trades.</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>Σ net PnL of losing trades, as a non-negative amount.</summary>
    public required decimal GrossLoss { get; init; }

    /// <summary>Average net PnL per trade in USDT (expectancy in $); null when there are no trades.</summary>
    public required decimal? ExpectancyUsd { get; init; }

    /// <summary>
    /// Average R multiple over the trades that have one, which is also the expectancy in R
    /// (win rate × average win R − loss rate × average loss R); null when no trade has an initial risk.
    /// </summary>
    public required decimal? AverageR { get; init; }

    /// <summary>How many trades had an R multiple, i.e. the sample behind <see cref="AverageR"/>.</summary>
    public required int TradesWithR { get; init; }

    /// <summary>
    /// <see cref="GrossProfit"/> ÷ <see cref="GrossLoss"/>. Null when there are no losing trades: with wins it would be
    /// infinite, without trades undefined; <see cref="LossCount"/> = 0 tells the two apart from an ordinary value.
    /// </summary>
    public required decimal? ProfitFactor { get; init; }

    /// <summary>Most losing trades in a row.</summary>
    public required int LongestLosingStreak { get; init; }

    /// <summary>
    /// Largest fall of cumulative R from its running peak (starting at 0 before the first trade), as a non-negative
    /// number of R; only trades with an R multiple take part. Null when none has one.
    /// </summary>
    public required decimal? MaxDrawdownR { get; init; }

    /// <summary>Computes the statistics of <paramref name="trades"/>, ordered by close time (ties keep their given order).</summary>
    public static TradeStatistics From(IEnumerable<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var ordered = trades.OrderBy(t => t.ClosedAt).ToList();

        int wins = 0, losses = 0, streak = 0, longestStreak = 0, tradesWithR = 0;
        decimal grossProfit = 0m, grossLoss = 0m, sumR = 0m, cumulativeR = 0m, peakR = 0m, maxDrawdownR = 0m;
        foreach (var trade in ordered)
        {
            var net = trade.NetPnl;
            if (net > 0m)
            {
                wins++;
                grossProfit += net;
                streak = 0;
            }
            else if (net < 0m)
            {
                losses++;
                grossLoss -= net;
                streak++;
                longestStreak = Math.Max(longestStreak, streak);
            }
            else
            {
                streak = 0;
            }

            if (trade.RMultiple is { } r)
            {
                tradesWithR++;
                sumR += r;
                cumulativeR += r;
                peakR = Math.Max(peakR, cumulativeR);
                maxDrawdownR = Math.Max(maxDrawdownR, peakR - cumulativeR);
            }
        }

        var count = ordered.Count;
        return new TradeStatistics
        {
            TradeCount = count,
            WinCount = wins,
            LossCount = losses,
            WinRate = count == 0 ? null : (decimal)wins / count,
            NetPnl = grossProfit - grossLoss,
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            ExpectancyUsd = count == 0 ? null : (grossProfit - grossLoss) / count,
            AverageR = tradesWithR == 0 ? null : sumR / tradesWithR,
            TradesWithR = tradesWithR,
            ProfitFactor = losses == 0 ? null : grossProfit / grossLoss,
            LongestLosingStreak = longestStreak,
            MaxDrawdownR = tradesWithR == 0 ? null : maxDrawdownR,
        };
    }
}
