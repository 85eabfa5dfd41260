using System.Globalization;
using System.Net;
using System.Text;

namespace BreakoutBot.Backtesting.Sweep;

/// <summary><c>sweep.csv</c> (ranked), <c>walk_forward.csv</c> and <c>sweep.html</c> (both tables, self-contained).</summary>
public static class SweepReport
{
    public static string Csv(IReadOnlyList<SweepRow> ranked, IReadOnlyList<SweepParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder("rank,combination,")
            .Append(string.Join(',', parameters.Select(parameter => Quote(parameter.Path))))
            .Append(",net_pnl,trades,win_rate,profit_factor,max_drawdown_pct,sharpe,oos_net_pnl,fold_net_pnl,mc_drawdown_median_pct,mc_drawdown_p95_pct\n");
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var row = ranked[rank];
            var values = parameters.Select(parameter => Quote(row.Combination.Assignments.First(assignment => assignment.Key == parameter.Path).Value));
            var whole = row.Whole;
            text.Append(CultureInfo.InvariantCulture, $"{rank + 1},{row.Combination.Number},{string.Join(',', values)},")
                .Append(CultureInfo.InvariantCulture, $"{whole.NetPnl},{whole.Trades},{whole.WinRate},{whole.ProfitFactor},{whole.MaxDrawdownPct},{whole.Sharpe},")
                .Append(CultureInfo.InvariantCulture, $"{row.OutOfSampleNetPnl},{string.Join(';', row.FoldNetPnl)},{row.MonteCarloDrawdownMedianPct},{row.MonteCarloDrawdownP95Pct}\n");
        }

        return text.ToString();
    }

    public static string WalkForwardCsv(IReadOnlyList<WalkForwardStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder("fold,in_sample_from,out_of_sample_from,out_of_sample_to,chosen_combination,in_sample_net_pnl,out_of_sample_net_pnl\n");
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{step.Fold},{Time(step.InSampleFrom)},{Time(step.OutOfSampleFrom)},{Time(step.OutOfSampleTo)},{step.ChosenCombination},{step.InSampleNetPnl},{step.OutOfSampleNetPnl}\n");
        }

        return text.ToString();
    }

    public static string Html(string presetName, IReadOnlyList<SweepRow> ranked, IReadOnlyList<WalkForwardStep> steps, int folds)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(steps);
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep: ")
            .Append(Encode(presetName))
            .Append("</title><style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}")
            .Append("th{background:#f4f4f4}td.l{text-align:left}.neg{color:#c0392b}</style></head><body><h1>Sweep of ").Append(Encode(presetName)).Append("</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{ranked.Count} combination(s), ranked by {(folds > 1 ? "out-of-sample net PnL (every fold after the first)" : "net PnL")}; drawdown from a Monte Carlo of the trade order.</p>")
            .Append("<table><tr><th>Rank</th><th>#</th><th>Values</th><th>Net PnL</th><th>Trades</th><th>Win rate</th><th>Profit factor</th><th>Max DD %</th><th>Sharpe</th><th>OOS net PnL</th><th>MC DD % median / p95</th></tr>");
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var row = ranked[rank];
            var whole = row.Whole;
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{rank + 1}</td><td>{row.Combination.Number}</td><td class=\"l\">{Encode(row.Combination.Description)}</td><td{Negative(whole.NetPnl)}>{whole.NetPnl:N2}</td><td>{whole.Trades}</td>")
                .Append(CultureInfo.InvariantCulture,
                $"<td>{whole.WinRate:0.####}</td><td>{whole.ProfitFactor:0.##}</td><td>{whole.MaxDrawdownPct:0.##}</td><td>{whole.Sharpe:0.##}</td><td{Negative(row.OutOfSampleNetPnl)}>{row.OutOfSampleNetPnl:N2}</td><td>{row.MonteCarloDrawdownMedianPct:0.##} / {row.MonteCarloDrawdownP95Pct:0.##}</td></tr>");
        }

        page.Append("</table>");
        if (steps.Count > 0)
        {
            page.Append("<h2>Walk-forward</h2><table><tr><th>Fold</th><th>In sample from</th><th>Out of sample</th><th>Chosen #</th><th>In-sample net PnL</th><th>Out-of-sample net PnL</th></tr>");
            foreach (var step in steps)
            {
                page.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{step.Fold}</td><td>{Time(step.InSampleFrom)}</td><td>{Time(step.OutOfSampleFrom)} – {Time(step.OutOfSampleTo)}</td><td>{step.ChosenCombination}</td><td>{step.InSampleNetPnl:N2}</td><td{Negative(step.OutOfSampleNetPnl)}>{step.OutOfSampleNetPnl:N2}</td></tr>");
            }

            page.Append(CultureInfo.InvariantCulture, $"</table><p>Walk-forward out-of-sample total: {steps.Sum(step => step.OutOfSampleNetPnl):N2} USDT.</p>");
        }

        return page.Append("</body></html>\n").ToString();
    }

    private static string Negative(decimal value) => value < 0 ? " class=\"neg\"" : "";

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
