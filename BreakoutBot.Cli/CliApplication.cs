using System.Reflection;
using BreakoutBot.Cli.Commands;

namespace BreakoutBot.Cli;

/// <summary>The <c>breakoutbot</c> command line: reads the first words, hands the rest to the command.</summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        switch (args.ToArray())
        {
            case [] or ["--help" or "-h" or "help"]:
                output.Write(Usage);
                return args.Count == 0 ? UsageError : Success;
            case ["--version"]:
                output.WriteLine(typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]);
                return Success;
            case ["indicators", .. var rest]:
                return IndicatorsCommand.Run(rest, output, error);
            case ["presets", "validate", .. var rest]:
                return PresetsValidateCommand.Run(rest, output, error);
            case ["backtest", "sweep", .. var rest]:
                return BacktestSweepCommand.Run(rest, output, error);
            case ["backtest", .. var rest]:
                return BacktestCommand.Run(rest, output, error);
            case ["data", "download", .. var rest]:
                return DataDownloadCommand.Run(rest, output, error);
            case ["data", "export-sim", .. var rest]:
                return DataExportSimCommand.Run(rest, output, error);
            case ["deploy", "k8s", .. var rest]:
                return DeployK8sCommand.Run(rest, output, error);
            default:
                error.WriteLine($"breakoutbot: unknown command '{string.Join(' ', args.Take(2))}'.");
                error.Write(Usage);
                return UsageError;
        }
    }

    public const string Usage = """
        Usage:
          breakoutbot indicators <name> --input <quotes.csv> [--output <file.csv>] [--<option> <value> ...]
          breakoutbot indicators list
          breakoutbot presets validate <file.json|directory>
          breakoutbot deploy k8s --manifest <aspire-manifest.json> --output <dir> [--namespace breakoutbot]
                                 [--image-registry <prefix>] [--image-tag latest]
          breakoutbot data export-sim --output <dir> [--seed 11] [--symbols 32] [--bars 50000] [--start <ISO-8601 UTC>]
          breakoutbot data download --symbols A,B --from <ISO-8601> [--to <ISO-8601>] [--interval 5] --output <dir>
                                   [--venue https://api.bybit.com]
          breakoutbot backtest --data <dir> --preset <name|file.json> [--from <ISO-8601>] [--to <ISO-8601>] [--symbols A,B]
                               [--balance 10000] [--output backtest-results] [--seed 1] [--interval 5]
                               [--fees <taker_bps>/<maker_bps>] [--slippage-bps 2] [--funding-rate 0.0001] [--leverage 10]
          breakoutbot backtest sweep --data <dir> --preset <name|file.json> --grid "<path>=<v1>,<v2>;<path>=<v1>,<v2>"
                               [--random <n>] [--folds <k>] [--monte-carlo 1000] [--parallel <cores>] [--shard <i>/<n>]
                               [--output sweep-results]
                               and the backtest's options
          breakoutbot --version

        indicators: reads date,open,high,low,close,volume (header required, dates ascending) and writes
        index,date,<fields> (empty cell = no value). 'breakoutbot indicators list' shows names and options.
        deploy k8s: one YAML file per manifest resource plus kustomization.yaml (see deploy/README.md).
        data export-sim: the simulator's seeded market as SYMBOL.csv (timestamp,open,high,low,close,volume,turnover;
        5-minute bars) plus instruments.json (Bybit's instruments-info layout); same arguments, identical files.
        data download: Bybit's public klines (or the simulator's, with --venue) in the same layout, closed bars only.
        backtest: runs a preset over SYMBOL.csv kline files (a data export-sim folder, or Bybit klines) with the
        scanner's and executor's own rules; writes trades.csv, equity.csv, summary.json and report.html to --output.
        Bad input exits with 2 naming the file and line; nothing is written then, and existing results are kept.
        backtest sweep: every combination of the grid (or --random n of them) over the whole period and each of
        --folds walk-forward folds, in parallel; sweep.csv (ranked), walk_forward.csv and sweep.html.

        """;
}
