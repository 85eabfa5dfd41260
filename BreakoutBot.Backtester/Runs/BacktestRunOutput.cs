using System.Text.Json;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Reports;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Domain.Accounting;

namespace BreakoutBot.Backtester.Runs;

/// <summary>What a succeeded run stores: its figures, its equity curve thinned for a chart, its trades and the HTML report.</summary>
internal static class BacktestRunOutput
{
    /// <summary>Most equity points stored (evenly spaced, the first and last kept).</summary>
    public const int MaxEquityPoints = 1_000;

    /// <summary>Most trades stored (the report holds every trade).</summary>
    public const int MaxTrades = 5_000;

    public static BacktestRunResults Of(BacktestResult result, BacktestSummary summary, long barsRead)
    {
        var trades = result.Trades.Take(MaxTrades).Select(Row).ToList();
        return new BacktestRunResults(
            barsRead,
            JsonSerializer.Serialize(Figures(summary), ContractJson.Options),
            JsonSerializer.Serialize(Thin(result.Equity).Select(point => new BacktestEquityPoint(point.At, point.Equity)).ToList(), ContractJson.Options),
            JsonSerializer.Serialize(trades, ContractJson.Options),
            result.Trades.Count > MaxTrades,
            BacktestReportPage.Render(summary, result));
    }

    public static BacktestFigures Figures(BacktestSummary summary) => new(
        summary.StartingBalance, summary.FinalEquity, summary.NetPnl, summary.Trades, summary.WinRate, summary.ProfitFactor, summary.Expectancy,
        summary.AverageR, summary.MaxDrawdownPct, summary.Sharpe, summary.Sortino, summary.Fees, summary.Funding, summary.Signals,
        summary.KillSwitchTrips, summary.Candles, summary.CandlesPerSecond, summary.FiltersNotEvaluated, summary.SignalsNotTraded);

    /// <summary>At most <see cref="MaxEquityPoints"/> points, evenly spaced over the curve, always with its first and last.</summary>
    public static IReadOnlyList<EquitySnapshot> Thin(IReadOnlyList<EquitySnapshot> equity)
    {
        if (equity.Count <= MaxEquityPoints)
        {
            return equity;
        }

        var step = (equity.Count - 1) / (double)(MaxEquityPoints - 1);
        return [.. Enumerable.Range(0, MaxEquityPoints).Select(i => equity[i == MaxEquityPoints - 1 ? equity.Count - 1 : (int)Math.Round(i * step)])];
    }

    private static BacktestTradeRow Row(BacktestTrade trade) => new(
        trade.Symbol.Value, trade.Direction.ToString(), trade.EntryTime, trade.ExitTime, trade.EntryPrice, trade.ExitPrice, trade.Quantity,
        trade.GrossPnl, trade.Fees, trade.Funding, trade.NetPnl, trade.RMultiple, trade.ExitReason);
}
