using System.Globalization;
using System.Net;
using System.Text;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Accounting;

namespace BreakoutBot.Backtesting.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the summary, equity
/// and drawdown, the R histogram, a per-symbol table, monthly returns and the trade list with a candle chart per trade
/// (the first <see cref="ChartedTrades"/> trades; the rest are listed).
/// </summary>
public static class BacktestReportPage
{
    public const int ChartedTrades = 200;

    public static string Render(BacktestSummary summary, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(result);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest: ").Append(Encode(summary.Preset)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}")
            .Append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}.chart{width:100%;max-width:900px;font-size:11px}.candles{width:440px;height:160px}")
            .Append(".held{opacity:.85}.neg{color:#c0392b}.pos{color:#1e8449}section{margin-bottom:28px}</style></head><body>");
        page.Append("<h1>Backtest of ").Append(Encode(summary.Preset)).Append("</h1>");
        AppendSummary(page, summary);
        var equity = result.Equity.Select(point => (double)point.Equity).ToList();
        page.Append("<section><h2>Equity</h2>").Append(SvgChart.Line(equity, 220, "#2e86c1")).Append("</section>");
        page.Append("<section><h2>Drawdown (%)</h2>").Append(SvgChart.Line(Drawdowns(result.Equity), 140, "#c0392b", fillBelow: true)).Append("</section>");
        page.Append("<section><h2>R multiples</h2>").Append(SvgChart.Histogram(RBins(result.Trades), 160)).Append("</section>");
        AppendPerSymbol(page, result.Trades);
        AppendMonthly(page, result.Equity, result.StartingBalance);
        AppendTrades(page, result.Trades);
        return page.Append("</body></html>\n").ToString();
    }

    private static void AppendSummary(StringBuilder page, BacktestSummary summary)
    {
        page.Append("<section><table>");
        Row(page, "Net PnL (USDT)", Money(summary.NetPnl));
        Row(page, "Starting balance → final equity", $"{Money(summary.StartingBalance)} → {Money(summary.FinalEquity)}");
        Row(page, "Trades / signals", $"{summary.Trades} / {summary.Signals}");
        Row(page, "Win rate", summary.WinRate is { } win ? (win * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "–");
        Row(page, "Profit factor", Text(summary.ProfitFactor));
        Row(page, "Expectancy (USDT)", Text(summary.Expectancy));
        Row(page, "Max drawdown", summary.MaxDrawdownPct is { } drawdown ? drawdown.ToString("0.##", CultureInfo.InvariantCulture) + " %" : "–");
        Row(page, "Sharpe / Sortino (annualised)", $"{Text(summary.Sharpe)} / {Text(summary.Sortino)}");
        Row(page, "Kill switch trips", summary.KillSwitchTrips.ToString(CultureInfo.InvariantCulture));
        Row(page, "Fees / funding (USDT)", $"{Money(summary.Fees)} / {Money(summary.Funding)}");
        Row(page, "Candles (speed)", string.Create(CultureInfo.InvariantCulture, $"{summary.Candles:N0} ({summary.CandlesPerSecond:N0}/s)"));
        Row(page, "Filters not evaluated (passed)", summary.FiltersNotEvaluated.Count == 0 ? "none" : string.Join(", ", summary.FiltersNotEvaluated));
        Row(page, "Intrabar model", summary.IntrabarModel);
        page.Append("</table></section>");
    }

    private static List<double> Drawdowns(IReadOnlyList<EquitySnapshot> equity)
    {
        var peak = decimal.MinValue;
        var drawdowns = new List<double>(equity.Count);
        foreach (var point in equity)
        {
            peak = Math.Max(peak, point.Equity);
            drawdowns.Add(peak > 0 ? (double)((point.Equity - peak) / peak * 100m) : 0);
        }

        return drawdowns;
    }

    private static List<(string Label, int Count)> RBins(IReadOnlyList<BacktestTrade> trades)
    {
        var bins = new List<(string, int)>();
        for (var lower = -3m; lower < 5m; lower += 0.5m)
        {
            var upper = lower + 0.5m;
            var count = trades.Count(trade => (lower == -3m || trade.RMultiple >= lower) && (upper == 5m || trade.RMultiple < upper));
            bins.Add((lower.ToString("0.#", CultureInfo.InvariantCulture), count));
        }

        return bins;
    }

    private static void AppendPerSymbol(StringBuilder page, IReadOnlyList<BacktestTrade> trades)
    {
        page.Append("<section><h2>Per symbol</h2><table><tr><th>Symbol</th><th>Trades</th><th>Win rate</th><th>Net PnL</th><th>Average R</th></tr>");
        foreach (var group in trades.GroupBy(trade => trade.Symbol.Value).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var wins = group.Count(trade => trade.NetPnl > 0);
            var net = group.Sum(trade => trade.NetPnl);
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(group.Key)}</td><td>{group.Count()}</td><td>{100.0 * wins / group.Count():0.#} %</td><td class=\"{Sign(net)}\">{Money(net)}</td><td>{group.Average(trade => trade.RMultiple):0.##}</td></tr>");
        }

        page.Append("</table></section>");
    }

    private static void AppendMonthly(StringBuilder page, IReadOnlyList<EquitySnapshot> equity, decimal startingBalance)
    {
        page.Append("<section><h2>Monthly returns</h2><table><tr><th>Month</th><th>Return</th><th>Equity at the end</th></tr>");
        var start = startingBalance;
        foreach (var month in equity.GroupBy(point => point.At.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
        {
            var end = month.Last().Equity;
            var change = start == 0 ? 0 : (end - start) / start * 100m;
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{month.Key}</td><td class=\"{Sign(change)}\">{change:0.##} %</td><td>{Money(end)}</td></tr>");
            start = end;
        }

        page.Append("</table></section>");
    }

    private static void AppendTrades(StringBuilder page, IReadOnlyList<BacktestTrade> trades)
    {
        page.Append("<section><h2>Trades</h2><table><tr><th>#</th><th>Symbol</th><th>Side</th><th>Entry</th><th>Exit</th><th>Net PnL</th><th>R</th><th>Exit reason</th><th>Chart</th></tr>");
        for (var i = 0; i < trades.Count; i++)
        {
            var trade = trades[i];
            var chart = i < ChartedTrades ? SvgChart.Candles(trade.Bars, trade.EntryPrice, trade.InitialStop, trade.ExitPrice, trade.EntryTime, trade.ExitTime) : "";
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{i + 1}</td><td>{Encode(trade.Symbol.Value)}</td><td>{trade.Direction}</td><td>{trade.EntryTime:yyyy-MM-dd HH:mm}<br>{trade.EntryPrice}</td>")
                .Append(CultureInfo.InvariantCulture,
                $"<td>{trade.ExitTime:yyyy-MM-dd HH:mm}<br>{decimal.Round(trade.ExitPrice, 8)}</td><td class=\"{Sign(trade.NetPnl)}\">{Money(trade.NetPnl)}</td><td>{trade.RMultiple:0.##}</td><td>{Encode(trade.ExitReason)}</td><td>{chart}</td></tr>");
        }

        page.Append("</table></section>");
    }

    private static void Row(StringBuilder page, string label, string value) =>
        page.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Text(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "–";

    private static string Text(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "–";

    private static string Sign(decimal value) => value < 0 ? "neg" : "pos";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
