using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Backtesting.Data;

/// <summary>
/// The simulator's seeded synthetic market (the generator the exchange simulator runs, so the same seed gives the same
/// price paths) written as a data folder a backtest reads: one <c>SYMBOL.csv</c> of 5-minute bars per symbol in
/// Bybit's kline layout and <c>instruments.json</c> in Bybit's <c>instruments-info</c> result layout. Streams bar by bar
/// (memory does not grow with the number of bars); the same arguments give byte-identical files.
/// </summary>
public static class SyntheticMarketFiles
{
    /// <summary>The start of the market unless one is given (the simulator's too).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>The largest universe the generator has.</summary>
    public static int MaxSymbols => SyntheticUniverse.Default.Count;

    /// <summary>Every file <see cref="Write"/> makes for the first <paramref name="symbols"/> symbols of the universe.</summary>
    public static IReadOnlyList<string> Files(string directory, int symbols) =>
        [.. SyntheticUniverse.Default.Take(symbols).Select(symbol => Path.Combine(directory, symbol.Symbol.Value + ".csv")), Path.Combine(directory, "instruments.json")];

    /// <summary>Writes <paramref name="bars"/> 5-minute bars of the first <paramref name="symbols"/> symbols into <paramref name="directory"/> (created when missing; files there are replaced).</summary>
    public static void Write(string directory, int seed, int symbols, int bars, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symbols, MaxSymbols);
        ArgumentOutOfRangeException.ThrowIfLessThan(bars, 1);
        var universe = SyntheticUniverse.Default.Take(symbols).ToList();
        Directory.CreateDirectory(directory);
        var market = new SyntheticMarket(seed, start, universe, CandleInterval.FiveMinutes);
        var writers = universe.Select(symbol => new StreamWriter(Path.Combine(directory, symbol.Symbol.Value + ".csv"), append: false, new UTF8Encoding(false)) { NewLine = "\n" }).ToList();
        try
        {
            foreach (var writer in writers)
            {
                writer.WriteLine(KlineCsvLayout.Header);
            }

            for (var bar = 0; bar < bars; bar++)
            {
                var next = market.NextBars();
                for (var i = 0; i < next.Count; i++)
                {
                    writers[i].WriteLine(KlineCsvLayout.Row(next[i]));
                }
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }

        var instruments = new { category = "linear", list = market.Instruments.Select(InstrumentWire.Of).ToList(), nextPageCursor = "" };
        File.WriteAllText(Path.Combine(directory, "instruments.json"), JsonSerializer.Serialize(instruments, IndentedJson) + "\n", new UTF8Encoding(false));
    }
}
