using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BreakoutBot.Backtesting.Data;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Reports;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot backtest --data DIR --preset NAME|FILE [--from ISO] [--to ISO] [--symbols A,B] [--balance 10000]
/// [--output DIR] [--seed N] [--interval 5] [--fees TAKER_BPS/MAKER_BPS] [--slippage-bps 2] [--funding-rate 0.0001] [--leverage 10]</c>:
/// runs the preset over the kline files with the services' code (<see cref="BacktestRunner"/>) and writes
/// <c>trades.csv</c>, <c>equity.csv</c>, <c>summary.json</c> and <c>report.html</c>. Everything is read and checked
/// before anything is written: bad input exits with 2 naming the file and line, and leaves no file behind; existing
/// results are never overwritten.
/// </summary>
public static class BacktestCommand
{
    private const string Name = "breakoutbot backtest";
    private const string UsageLine = "usage: " + Name + " --data <dir> --preset <name|file.json> [--from <ISO-8601>] [--to <ISO-8601>] [--symbols A,B] "
        + "[--balance 10000] [--output <dir>] [--seed <n>] [--interval 5] [--fees <taker_bps>/<maker_bps>] [--slippage-bps 2] [--funding-rate 0.0001] [--leverage 10]";

    /// <summary>The options of a backtest (the sweep takes these and its own).</summary>
    internal static readonly string[] Options = ["data", "preset", "from", "to", "symbols", "balance", "output", "seed", "interval", "fees", "slippage-bps", "funding-rate", "leverage"];
    private static readonly string[] OutputFiles = ["trades.csv", "equity.csv", "summary.json", "report.html"];
    private static readonly JsonSerializerOptions SummaryJson = new() { WriteIndented = true };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        BacktestRequest request;
        try
        {
            request = BacktestRequest.Parse(args, Options, "backtest-results");
        }
        catch (ArgumentException exception)
        {
            return Refuse(error, exception.Message + "; " + UsageLine);
        }

        if (OutputFiles.Select(file => Path.Combine(request.Output, file)).FirstOrDefault(File.Exists) is { } existing)
        {
            return Refuse(error, $"{existing} already exists; choose another --output directory (nothing was written)");
        }

        var preset = BacktestPresets.Load(request.Preset, out var presetProblem);
        if (preset is null)
        {
            return Refuse(error, presetProblem!);
        }

        var settings = request.Settings(preset);
        var read = new StrongBox<long>();
        try
        {
            var market = MarketFolder.Open(request.Data, request.Symbols, settings.Interval, read);
            market.CheckTradeTapes();
            using var progress = new ProgressBar(error, market.CountFileBars(), read);
            var clock = Stopwatch.StartNew();
            var result = new BacktestRunner(settings, progress).Run(market.Series);
            clock.Stop();
            progress.Finish();
            var summary = BacktestSummary.Of(result, settings, market.Series.Count, clock.Elapsed);
            Write(request.Output, result, summary);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {summary.Trades} trade(s) on {market.Series.Count} symbol(s), net {summary.NetPnl:0.########} USDT ({summary.StartingBalance} → {summary.FinalEquity:0.########}), {summary.Candles:N0} candles at {summary.CandlesPerSecond:N0}/s; written to {request.Output}"));
            if (summary.FiltersNotEvaluated.Count > 0)
            {
                output.WriteLine($"{Name}: the data cannot feed {string.Join(", ", summary.FiltersNotEvaluated)}: they passed and are listed in summary.json");
            }

            return CliApplication.Success;
        }
        catch (BacktestInputException exception)
        {
            return Refuse(error, exception.Message + " (nothing was written)");
        }
        catch (ArgumentException exception)
        {
            return Refuse(error, exception.Message + " (nothing was written)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Name}: could not read the data or write the results: {exception.Message}");
            return CliApplication.Failure;
        }
    }

    private static void Write(string directory, BacktestResult result, BacktestSummary summary)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(directory, "trades.csv"), BacktestCsv.Trades(result.Trades), utf8);
        using (var equity = new StreamWriter(Path.Combine(directory, "equity.csv"), append: false, utf8))
        {
            BacktestCsv.WriteEquity(equity, result.Equity);
        }

        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, SummaryJson) + "\n", utf8);
        File.WriteAllText(Path.Combine(directory, "report.html"), BacktestReportPage.Render(summary, result), utf8);
    }

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}");
        return CliApplication.UsageError;
    }
}
