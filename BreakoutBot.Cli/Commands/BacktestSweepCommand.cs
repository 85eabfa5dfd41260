using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using BreakoutBot.Backtesting.Data;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Sweep;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot backtest sweep --data DIR --preset NAME|FILE --grid "path=v1,v2;path=v1,v2" [--random N] [--folds K]
/// [--monte-carlo 1000] [--parallel N] [--shard I/N] [--output DIR]</c> plus the backtest's own options: every combination of the
/// grid (or N of them drawn with the seed) is backtested over the whole period and over each of K walk-forward folds,
/// in parallel across cores; <c>sweep.csv</c> ranks them (out-of-sample net PnL with folds, net PnL without),
/// <c>walk_forward.csv</c> shows what choosing the in-sample best each fold would have made next, and
/// <c>sweep.html</c> shows both. The data and every variant are checked before anything runs.
/// </summary>
public static class BacktestSweepCommand
{
    private const string Name = "breakoutbot backtest sweep";
    private const string UsageLine = "usage: " + Name + " --data <dir> --preset <name|file.json> --grid \"<path>=<v1>,<v2>;<path>=<v1>,<v2>\" [--random <n>] [--folds <k>] "
        + "[--monte-carlo 1000] [--parallel <n>] [--shard <i>/<n>] [--output <dir>] and the backtest's --from --to --symbols --balance --seed --interval --fees --slippage-bps --funding-rate --leverage";

    private static readonly string[] Options = [.. BacktestCommand.Options, "grid", "random", "folds", "monte-carlo", "parallel", "shard"];

    private static readonly string[] OutputFiles = ["sweep.csv", "walk_forward.csv", "sweep.html"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        BacktestRequest request;
        IReadOnlyList<SweepParameter> parameters;
        int? sample;
        int folds, monteCarlo, parallel;
        (int Index, int Count) shard;
        try
        {
            request = BacktestRequest.Parse(args, Options, "sweep-results");
            var options = ParsedArguments.Parse(args).Options;
            parameters = options.TryGetValue("grid", out var grid)
                ? [.. grid.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(SweepParameter.Parse)]
                : throw new ArgumentException("--grid \"<path>=<v1>,<v2>;...\" is required");
            if (parameters.Select(parameter => parameter.Path).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
            {
                throw new ArgumentException("--grid names a field more than once");
            }

            sample = options.ContainsKey("random") ? Whole(options, "random", 1, 100_000, 0) : null;
            folds = Whole(options, "folds", 1, 20, 1);
            monteCarlo = Whole(options, "monte-carlo", 1, 100_000, 1_000);
            parallel = Whole(options, "parallel", 1, 256, Environment.ProcessorCount);
            shard = Shard(options);
        }
        catch (ArgumentException exception)
        {
            return Refuse(error, exception.Message + "; " + UsageLine);
        }

        if (OutputFiles.Select(file => Path.Combine(request.Output, file)).FirstOrDefault(File.Exists) is { } existing)
        {
            return Refuse(error, $"{existing} already exists; choose another --output directory (nothing was written)");
        }

        if (BacktestPresets.Find(request.Preset, out var problem) is not { } preset || BacktestPresets.Load(request.Preset, out problem) is null)
        {
            return Refuse(error, problem!);
        }

        try
        {
            var combinations = SweepCombination.Of(preset.Json, preset.Name, parameters, sample, request.Seed)
                .Where((_, index) => index % shard.Count == shard.Index - 1)
                .ToList();
            if (combinations.Count == 0)
            {
                return Refuse(error, $"shard {shard.Index}/{shard.Count} has no combination to run");
            }

            var settings = request.Settings(combinations[0].Preset);
            var (first, last, symbols) = CheckData(request, settings);
            var plan = new SweepPlan(combinations, settings, request.From ?? first, request.To ?? last, folds, monteCarlo, symbols);
            var jobs = combinations.Count * SweepRunner.Segments(plan).Count;
            var done = new StrongBox<long>();
            using var progress = new ProgressBar(error, jobs, done);
            var (ranked, walkForward) = SweepRunner.Run(plan, backtestSettings => Backtest(request, backtestSettings), parallel,
                new Progress<int>(count =>
                {
                    done.Value = count;
                    progress.Report(count);
                }));
            progress.Finish();
            Directory.CreateDirectory(request.Output);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(Path.Combine(request.Output, "sweep.csv"), SweepReport.Csv(ranked, parameters), utf8);
            File.WriteAllText(Path.Combine(request.Output, "walk_forward.csv"), SweepReport.WalkForwardCsv(walkForward), utf8);
            File.WriteAllText(Path.Combine(request.Output, "sweep.html"), SweepReport.Html(preset.Name, ranked, walkForward, folds), utf8);
            var best = ranked[0];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {combinations.Count} combination(s) × {jobs / combinations.Count} run(s) on {symbols} symbol(s); best #{best.Combination.Number} ({best.Combination.Description}) net {best.Whole.NetPnl:0.##} USDT{(folds > 1 ? string.Create(CultureInfo.InvariantCulture, $", out of sample {best.OutOfSampleNetPnl:0.##}; walk-forward out of sample {walkForward.Sum(step => step.OutOfSampleNetPnl):0.##}") : "")}; written to {request.Output}"));
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

    /// <summary>Reads every file once, whole (trade tapes included), so bad data is refused before any run; returns the period the files cover.</summary>
    private static (DateTimeOffset First, DateTimeOffset Last, int Symbols) CheckData(BacktestRequest request, BacktestSettings settings)
    {
        var market = MarketFolder.Open(request.Data, request.Symbols, settings.Interval, new StrongBox<long>());
        market.CheckTradeTapes();
        DateTimeOffset? first = null, last = null;
        foreach (var series in market.Series)
        {
            foreach (var bar in series.Bars)
            {
                first = first is null || bar.OpenTime < first ? bar.OpenTime : first;
                last = last is null || bar.CloseTime > last ? bar.CloseTime : last;
            }
        }

        return first is { } start && last is { } end
            ? (start, end, market.Series.Count)
            : throw new BacktestInputException(request.Data, null, $"no complete {settings.Interval.WireName}-minute bar in the files");
    }

    private static BacktestResult Backtest(BacktestRequest request, BacktestSettings settings) =>
        new BacktestRunner(settings).Run(MarketFolder.Open(request.Data, request.Symbols, settings.Interval, new StrongBox<long>()).Series);

    private static int Whole(IReadOnlyDictionary<string, string> options, string name, int minimum, int maximum, int fallback)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException($"--{name} '{text}' must be a whole number from {minimum} to {maximum}");
    }

    /// <summary><c>--shard I/N</c>: this process runs every N-th combination starting with the I-th (a sweep split over machines).</summary>
    private static (int Index, int Count) Shard(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("shard", out var text))
        {
            return (1, 1);
        }

        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= 10_000 && index >= 1 && index <= count
                ? (index, count)
                : throw new ArgumentException($"--shard '{text}' must be <i>/<n> with 1 <= i <= n, e.g. 2/8");
    }

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}");
        return CliApplication.UsageError;
    }
}
