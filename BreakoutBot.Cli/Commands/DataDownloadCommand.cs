using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot data download --symbols A,B --from ISO [--to ISO] [--interval 5] --output DIR [--venue https://api.bybit.com]</c>:
/// Bybit's public klines through our REST client, a thousand bars per request from the oldest forward, written as the
/// backtest reads them: <c>SYMBOL.csv</c> (closed bars only, oldest first) and <c>instruments.json</c>. Works against
/// the simulator too (<c>--venue http://127.0.0.1:PORT</c>). A hole in the venue's history is written as it is and
/// named on the terminal (the backtest refuses gaps, so the user decides). Never overwrites a file.
/// </summary>
public static class DataDownloadCommand
{
    private const string Name = "breakoutbot data download";
    private const string UsageLine = "usage: " + Name + " --symbols A,B --from <ISO-8601> [--to <ISO-8601>] [--interval 5] --output <dir> [--venue https://api.bybit.com]";
    private const int PageBars = 1000;
    private static readonly string[] Options = ["symbols", "from", "to", "interval", "output", "venue"];
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        DownloadRequest request;
        try
        {
            var parsed = ParsedArguments.Parse(args);
            var options = parsed.Options;
            if (parsed.Positionals.Count > 0)
            {
                throw new ArgumentException($"unexpected '{parsed.Positionals[0]}'");
            }

            if (options.Keys.Except(Options, StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            {
                throw new ArgumentException($"unknown option --{unknown}");
            }

            var venueText = options.GetValueOrDefault("venue", "https://api.bybit.com");
            request = new DownloadRequest(
                options.TryGetValue("symbols", out var symbols) ? BacktestRequest.SymbolsOf(symbols) : throw new ArgumentException("--symbols A,B is required"),
                BacktestRequest.Time(options, "from") ?? throw new ArgumentException("--from <ISO-8601> is required"),
                BacktestRequest.Time(options, "to"),
                BacktestRequest.IntervalOf(options),
                options.TryGetValue("output", out var directory) && !string.IsNullOrWhiteSpace(directory) ? directory : throw new ArgumentException("--output <dir> is required"),
                Uri.TryCreate(venueText, UriKind.Absolute, out var venueAddress) && venueAddress.Scheme is "http" or "https"
                    ? venueAddress
                    : throw new ArgumentException($"--venue '{venueText}' is not an http(s) address"));
        }
        catch (ArgumentException exception)
        {
            return Refuse(error, exception.Message + "; " + UsageLine);
        }

        var venue = request.Venue;
        var files = request.Symbols.Select(symbol => Path.Combine(request.Output, symbol + ".csv")).Append(Path.Combine(request.Output, "instruments.json"));
        if (files.FirstOrDefault(File.Exists) is { } existing)
        {
            return Refuse(error, $"{existing} already exists; choose an empty --output directory (nothing was written)");
        }

        using var http = new HttpClient { BaseAddress = venue, Timeout = TimeSpan.FromSeconds(30) };
        var market = new BybitMarketClient(http, TimeProvider.System);
        try
        {
            var instruments = market.GetInstrumentsAsync().GetAwaiter().GetResult().ToDictionary(instrument => instrument.Symbol.Value, StringComparer.Ordinal);
            if (request.Symbols.FirstOrDefault(symbol => !instruments.ContainsKey(symbol)) is { } unknown)
            {
                return Refuse(error, $"{venue} lists no linear USDT perpetual {unknown} (nothing was written)");
            }

            Directory.CreateDirectory(request.Output);
            // Only whole bars: the end is put back to the start of the bar it falls in.
            var to = request.Interval.OpenTimeContaining(request.To ?? market.GetServerTimeAsync().GetAwaiter().GetResult());
            foreach (var symbol in request.Symbols)
            {
                var (bars, holes) = Download(market, InstrumentSymbol.Parse(symbol), request.Interval, request.From, to, Path.Combine(request.Output, symbol + ".csv"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name}: {symbol}: {bars} closed {request.Interval.WireName}-minute bars"));
                foreach (var hole in holes)
                {
                    error.WriteLine($"{Name}: {symbol}: the venue has no bars from {hole.From:O} to {hole.To:O} (a gap the backtest will refuse)");
                }
            }

            var list = new { category = "linear", list = request.Symbols.Select(symbol => InstrumentWire.Of(instruments[symbol])).ToList(), nextPageCursor = "" };
            File.WriteAllText(Path.Combine(request.Output, "instruments.json"), JsonSerializer.Serialize(list, IndentedJson) + "\n", new UTF8Encoding(false));
            output.WriteLine($"{Name}: written to {request.Output}");
            return CliApplication.Success;
        }
        catch (Exception exception) when (exception is HttpRequestException or BybitApiException or TaskCanceledException or JsonException or FormatException)
        {
            error.WriteLine($"{Name}: the venue {venue} failed: {exception.Message}");
            return CliApplication.Failure;
        }
    }

    private static (long Bars, List<(DateTimeOffset From, DateTimeOffset To)> Holes) Download(
        BybitMarketClient market, InstrumentSymbol symbol, CandleInterval interval, DateTimeOffset from, DateTimeOffset to, string path)
    {
        var step = interval.FixedDuration!.Value;
        var holes = new List<(DateTimeOffset, DateTimeOffset)>();
        long written = 0;
        DateTimeOffset? expected = null;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(KlineCsvLayout.Header);
        for (var cursor = interval.OpenTimeContaining(from); cursor < to;)
        {
            var pageEnd = cursor + (step * (PageBars - 1));
            var page = market.GetKlinesBetweenAsync(symbol, interval, cursor, pageEnd < to ? pageEnd : to - step, PageBars).GetAwaiter().GetResult();
            var closed = page.Where(bar => bar.IsClosed && bar.OpenTime >= cursor && bar.OpenTime < to).ToList();
            foreach (var bar in closed)
            {
                if (expected is { } next && bar.OpenTime != next)
                {
                    holes.Add((next, bar.OpenTime));
                }

                writer.WriteLine(KlineCsvLayout.Row(bar));
                expected = bar.OpenTime + step;
                written++;
            }

            // An empty page (before the symbol was listed, or nothing closed yet) moves on by a whole page.
            cursor = closed.Count > 0 ? closed[^1].OpenTime + step : pageEnd + step;
        }

        return (written, holes);
    }

    private sealed record DownloadRequest(IReadOnlyList<string> Symbols, DateTimeOffset From, DateTimeOffset? To, CandleInterval Interval, string Output, Uri Venue);

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}");
        return CliApplication.UsageError;
    }
}
