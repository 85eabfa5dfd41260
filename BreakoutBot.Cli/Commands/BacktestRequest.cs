using System.Globalization;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Cli.Commands;

/// <summary>The arguments of <c>breakoutbot backtest</c>, checked: every problem is an <see cref="ArgumentException"/> naming the option.</summary>
internal sealed record BacktestRequest(
    string Data,
    string Preset,
    string Output,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<string>? Symbols,
    decimal Balance,
    int Seed,
    CandleInterval Interval,
    decimal? TakerFeeRate,
    decimal? MakerFeeRate,
    decimal SlippageBps,
    decimal FundingRate,
    decimal Leverage)
{
    /// <param name="known">Every option the command takes (this record reads its own; the others are the caller's).</param>
    public static BacktestRequest Parse(IReadOnlyList<string> args, IReadOnlyList<string> known, string defaultOutput)
    {
        var parsed = ParsedArguments.Parse(args);
        var options = parsed.Options;
        if (parsed.Positionals.Count > 0)
        {
            throw new ArgumentException($"unexpected '{parsed.Positionals[0]}'");
        }

        if (options.Keys.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"unknown option --{unknown}");
        }

        var data = Required(options, "data", "<dir>");
        var preset = Required(options, "preset", "<name|file.json>");
        var from = Time(options, "from");
        var to = Time(options, "to");
        if (from is { } start && to is { } end && end <= start)
        {
            throw new ArgumentException($"--to {end:O} must be after --from {start:O}");
        }

        var (taker, maker) = Fees(options);
        return new BacktestRequest(
            data,
            preset,
            options.TryGetValue("output", out var output) && !string.IsNullOrWhiteSpace(output) ? output : defaultOutput,
            from,
            to,
            options.TryGetValue("symbols", out var symbols) ? SymbolsOf(symbols) : null,
            Number(options, "balance", 10_000m, minimum: 0.01m, maximum: 1_000_000_000m),
            options.TryGetValue("seed", out var seed) ? int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--seed '{seed}' is not a whole number") : 1,
            IntervalOf(options),
            taker,
            maker,
            Number(options, "slippage-bps", 2m, minimum: 0m, maximum: 1_000m),
            Number(options, "funding-rate", 0.0001m, minimum: -0.05m, maximum: 0.05m),
            Number(options, "leverage", 10m, minimum: 1m, maximum: 100m));
    }

    public BacktestSettings Settings(TradingPreset preset) => new()
    {
        Preset = preset,
        Interval = Interval,
        StartingBalance = Balance,
        From = From,
        To = To,
        Seed = Seed,
        TakerFeeRate = TakerFeeRate,
        MakerFeeRate = MakerFeeRate,
        SlippageBps = SlippageBps,
        FundingRate = FundingRate,
        Leverage = Leverage,
    };

    private static string Required(IReadOnlyDictionary<string, string> options, string name, string what) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"--{name} {what} is required");

    internal static DateTimeOffset? Time(IReadOnlyDictionary<string, string> options, string name)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new ArgumentException($"--{name} '{text}' is not an ISO-8601 time (e.g. 2026-01-01T00:00:00Z)");
    }

    internal static List<string> SymbolsOf(string text)
    {
        var symbols = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(symbol => symbol.ToUpperInvariant()).ToList();
        if (symbols.Count == 0 || symbols.Any(symbol => !symbol.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"--symbols '{text}' must be symbols separated by commas, e.g. BTCUSDT,ETHUSDT");
        }

        return [.. symbols.Distinct(StringComparer.Ordinal)];
    }

    internal static CandleInterval IntervalOf(IReadOnlyDictionary<string, string> options)
    {
        var text = options.GetValueOrDefault("interval", "5");
        return CandleInterval.TryParseBacktestInterval(text, out var interval)
            ? interval
            : throw new ArgumentException($"--interval '{text}' is not {CandleInterval.BacktestIntervalRule}");
    }

    private static (decimal? Taker, decimal? Maker) Fees(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("fees", out var text))
        {
            return (null, null);
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var taker)
            && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maker)
            && taker is >= 0 and <= 100 && maker is >= -100 and <= 100)
        {
            return (taker / 10_000m, maker / 10_000m);
        }

        throw new ArgumentException($"--fees '{text}' must be <taker_bps>/<maker_bps>, e.g. 5.5/2 (taker 0 to 100, maker -100 to 100; a negative maker fee is a rebate)");
    }

    private static decimal Number(IReadOnlyDictionary<string, string> options, string name, decimal fallback, decimal minimum, decimal maximum)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--{name} '{text}' must be a number from {minimum} to {maximum}"));
    }
}
