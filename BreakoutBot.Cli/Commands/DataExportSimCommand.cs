using System.Globalization;
using BreakoutBot.Backtesting.Data;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot data export-sim --output DIR [--seed 11] [--symbols 32] [--bars 50000] [--start 2026-01-01T00:00:00Z]</c>:
/// the simulator's seeded synthetic market, in 5-minute bars (the generator the exchange simulator runs, so the same
/// seed gives the same price paths) written as data a backtest reads: one <c>SYMBOL.csv</c> per symbol in Bybit's kline
/// layout (<c>timestamp,open,high,low,close,volume,turnover</c>, epoch milliseconds, oldest first) and
/// <c>instruments.json</c> in Bybit's <c>instruments-info</c> result layout. Streams bar by bar (memory does not grow
/// with <c>--bars</c>); the same arguments give byte-identical files. Exit code 0 when written, 2 for a usage problem or
/// when a file it would write already exists (nothing is overwritten).
/// </summary>
public static class DataExportSimCommand
{
    private const string Name = "breakoutbot data export-sim";
    private const string UsageLine = "usage: " + Name + " --output <dir> [--seed <n>] [--symbols <1-32>] [--bars <n>] [--start <ISO-8601 UTC>]";
    private const int MaxBars = 10_000_000;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Problem(args) is { } problem)
        {
            return Refuse(error, problem);
        }

        var request = Read(ParsedArguments.Parse(args));

        if (SyntheticMarketFiles.Files(request.Output, request.Symbols).FirstOrDefault(File.Exists) is { } existing)
        {
            return Refuse(error, $"{existing} already exists; choose an empty --output directory (nothing was written)");
        }

        SyntheticMarketFiles.Write(request.Output, request.Seed, request.Symbols, request.Bars, request.Start);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {request.Bars} 5-minute bars of {request.Symbols} symbol(s) (seed {request.Seed}, from {request.Start:O}) written to {request.Output}"));
        return CliApplication.Success;
    }

    /// <summary>What is wrong with the arguments, or null when they are usable.</summary>
    private static string? Problem(IReadOnlyList<string> args)
    {
        ParsedArguments parsed;
        try
        {
            parsed = ParsedArguments.Parse(args);
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }

        var options = parsed.Options;
        var unknown = options.Keys.Except(["output", "seed", "symbols", "bars", "start"], StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault();
        return parsed.Positionals.Count > 0 ? $"unexpected '{parsed.Positionals[0]}'"
            : unknown is not null ? $"unknown option --{unknown}"
            : !options.TryGetValue("output", out var output) || string.IsNullOrWhiteSpace(output) ? "--output <dir> is required"
            : !IsInteger(options, "seed", int.MinValue, int.MaxValue) ? $"--seed '{options["seed"]}' is not a whole number"
            : !IsInteger(options, "symbols", 1, SyntheticMarketFiles.MaxSymbols) ? $"--symbols '{options["symbols"]}' must be a whole number from 1 to {SyntheticMarketFiles.MaxSymbols}"
            : !IsInteger(options, "bars", 1, MaxBars) ? $"--bars '{options["bars"]}' must be a whole number from 1 to {MaxBars}"
            : options.TryGetValue("start", out var start) && !TryParseStart(start, out _) ? $"--start '{start}' is not an ISO-8601 UTC time (e.g. 2026-01-01T00:00:00Z)"
            : null;
    }

    private static ExportRequest Read(ParsedArguments parsed)
    {
        var options = parsed.Options;
        var start = options.TryGetValue("start", out var text) && TryParseStart(text, out var parsedStart) ? parsedStart : SyntheticMarketFiles.DefaultStart;
        return new ExportRequest(
            options["output"],
            Integer(options, "seed", 11),
            Integer(options, "symbols", SyntheticMarketFiles.MaxSymbols),
            Integer(options, "bars", 50_000),
            start);
    }

    private static bool TryParseStart(string text, out DateTimeOffset start) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start)
        && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static bool IsInteger(IReadOnlyDictionary<string, string> options, string name, int minimum, int maximum) =>
        !options.TryGetValue(name, out var text) || (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum);

    private static int Integer(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}; {UsageLine}.");
        return CliApplication.UsageError;
    }

    private sealed record ExportRequest(string Output, int Seed, int Symbols, int Bars, DateTimeOffset Start);
}
