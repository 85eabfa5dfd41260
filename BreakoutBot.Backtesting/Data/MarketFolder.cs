using System.Runtime.CompilerServices;
using System.Text.Json;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Data;

/// <summary>
/// The market a backtest reads from a folder (the CLI's <c>--data DIR</c>, a data set of the backtester service): one <c>SYMBOL.csv</c> per symbol and, optionally,
/// <c>instruments.json</c> (Bybit's instruments-info result) and <c>SYMBOL.trades.csv</c> trade tapes (Bybit's
/// trading-history layout) for the bars the OHLC cannot decide. A symbol it does not list gets a tick of 0.0001 of its
/// price scale (the power of ten at or below 0.0001 × its first open) and a lot of 0.001.
/// </summary>
public static class MarketFolder
{
    private const string InstrumentsFile = "instruments.json";
    private const string TradesSuffix = ".trades.csv";

    /// <exception cref="BacktestInputException">The folder, a requested symbol or <c>instruments.json</c> is unusable.</exception>
    /// <param name="barsRead">Counts the files' bars as the backtest reads them (for the progress bar).</param>
    public static BacktestMarket Open(string directory, IReadOnlyCollection<string>? symbols, CandleInterval interval, StrongBox<long> barsRead)
    {
        if (!Directory.Exists(directory))
        {
            throw new BacktestInputException(directory, null, "the data folder does not exist");
        }

        var files = Directory.GetFiles(directory, "*.csv")
            .Where(file => !file.EndsWith(TradesSuffix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(file => Path.GetFileNameWithoutExtension(file).ToUpperInvariant(), StringComparer.Ordinal);
        var wanted = symbols is { Count: > 0 } ? symbols : [.. files.Keys.Order(StringComparer.Ordinal)];
        if (wanted.Count == 0)
        {
            throw new BacktestInputException(directory, null, "no SYMBOL.csv files in the data folder");
        }

        var missing = wanted.Where(symbol => !files.ContainsKey(symbol)).ToList();
        if (missing.Count > 0)
        {
            throw new BacktestInputException(directory, null, $"no file for {string.Join(", ", missing)} (expected {missing[0]}.csv)");
        }

        var instruments = ReadInstruments(Path.Combine(directory, InstrumentsFile));
        var series = wanted.Select(symbol =>
        {
            var path = files[symbol];
            var instrument = instruments.TryGetValue(symbol, out var listed) ? listed : DefaultInstrument(symbol, path);
            var bars = KlineCsvReader.Read(path).Select(bar =>
            {
                barsRead.Value++;
                return bar;
            });
            var tape = Path.Combine(directory, Path.GetFileNameWithoutExtension(path) + TradesSuffix);
            return new SymbolSeries(instrument, BarAggregator.Aggregate(bars, interval), File.Exists(tape) ? TradeTapeReader.Read(tape) : null);
        }).ToList();
        return new BacktestMarket(series, [.. wanted.Select(symbol => files[symbol])]);
    }

    private static Dictionary<string, Instrument> ReadInstruments(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return MarketDataParsers.ParseInstruments(document.RootElement).Instruments.ToDictionary(instrument => instrument.Symbol.Value, StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BacktestInputException(InstrumentsFile, null, "not Bybit's instruments-info result layout ({\"list\": [...]}): " + exception.Message);
        }
    }

    private static Instrument DefaultInstrument(string symbol, string path)
    {
        var firstOpen = KlineCsvReader.Read(path).First().Open;
        var tick = 1m;
        while (tick > firstOpen * 0.0001m && tick > 0.00000001m)
        {
            tick /= 10m;
        }

        var coin = symbol.EndsWith("USDT", StringComparison.Ordinal) ? symbol[..^4] : symbol;
        return new Instrument(InstrumentSymbol.Parse(symbol), coin.Length == 0 ? symbol : coin, "USDT", ContractStatus.Trading,
            tick, tick, 10_000_000m, 0.001m, 0.001m, 1_000_000m, 1_000_000m, 5m, 25m);
    }

}

/// <summary>The series of a backtest and the kline files they stream from.</summary>
public sealed record BacktestMarket(IReadOnlyList<SymbolSeries> Series, IReadOnlyList<string> KlineFiles)
{
    /// <summary>Bars in the files, for the progress bar (one pass over the files).</summary>
    public long CountFileBars() => KlineFiles.Sum(file => Math.Max(0, File.ReadLines(file).LongCount() - 1));

    /// <summary>
    /// Reads every trade tape whole once: a run reads a tape lazily, only for the bars that need it, so bad input is
    /// refused here, before anything runs, wherever it is in the tape.
    /// </summary>
    /// <exception cref="BacktestInputException">A line of a tape breaks its layout or order.</exception>
    public void CheckTradeTapes()
    {
        foreach (var series in Series)
        {
            foreach (var _ in series.Trades ?? [])
            {
            }
        }
    }
}
