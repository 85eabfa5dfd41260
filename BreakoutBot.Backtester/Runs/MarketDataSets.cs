using System.Globalization;
using BreakoutBot.Backtesting.Data;
using BreakoutBot.Contracts.Backtests;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Backtester.Runs;

/// <summary>
/// The folder of kline files a run reads: a named data set in <see cref="BacktesterOptions.DataDirectory"/>, or the
/// simulator's synthetic market, generated once into <c>synthetic/seed-S-symbols-N-bars-B</c> (written into a
/// temporary folder and moved into place whole, so a worker that stops while generating never leaves half a market).
/// </summary>
internal sealed class MarketDataSets(IOptions<BacktesterOptions> options, ILogger<MarketDataSets> logger)
{
    private const string SyntheticFolder = "synthetic";

    /// <exception cref="BacktestInputException">The market cannot be had (an unknown data set or source).</exception>
    public string Resolve(BacktestMarketChoice market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var root = options.Value.DataDirectory;
        return market.Source switch
        {
            BacktestMarketChoice.Synthetic => Synthetic(root, market.Seed ?? 11, market.Symbols ?? 8, market.Bars ?? 5_000),
            BacktestMarketChoice.DataSetSource => DataSet(root, market.DataSet),
            _ => throw new BacktestInputException("request", null, $"the market source '{market.Source}' is neither '{BacktestMarketChoice.Synthetic}' nor '{BacktestMarketChoice.DataSetSource}'"),
        };
    }

    /// <summary>
    /// The data sets in the data directory: each folder with a valid name and at least one kline file
    /// (<c>SYMBOL.csv</c>; trade tapes <c>SYMBOL.trades.csv</c> are not counted), with its number of kline files.
    /// </summary>
    public IReadOnlyDictionary<string, int> Find()
    {
        var root = options.Value.DataDirectory;
        var found = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return found;
        }

        foreach (var folder in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (!BacktestMarketChoice.IsValidDataSetName(name))
            {
                continue;
            }

            var klineFiles = Directory.EnumerateFiles(folder, "*.csv").Count(file => !file.EndsWith(".trades.csv", StringComparison.OrdinalIgnoreCase));
            if (klineFiles > 0)
            {
                found[name] = klineFiles;
            }
        }

        return found;
    }

    private static string DataSet(string root, string? name)
    {
        if (!BacktestMarketChoice.IsValidDataSetName(name))
        {
            throw new BacktestInputException("request", null, $"data set '{name}': {BacktestMarketChoice.DataSetNameRule}");
        }

        var folder = Path.Combine(root, name!);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var available = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).Where(BacktestMarketChoice.IsValidDataSetName).Order(StringComparer.Ordinal).ToList()
            : [];
        throw new BacktestInputException(name!, null, available.Count == 0
            ? "no such data set: the backtester's data directory holds none (put a folder of SYMBOL.csv kline files there)"
            : $"no such data set in the backtester's data directory (it has: {string.Join(", ", available)})");
    }

    private string Synthetic(string root, int seed, int symbols, int bars)
    {
        var folder = Path.Combine(root, SyntheticFolder, string.Create(CultureInfo.InvariantCulture, $"seed-{seed}-symbols-{symbols}-bars-{bars}"));
        if (Directory.Exists(folder))
        {
            return folder;
        }

        Log.GeneratingSyntheticMarket(logger, seed, symbols, bars, folder);
        var temporary = Path.Combine(root, SyntheticFolder, ".partial-" + Guid.NewGuid().ToString("N"));
        try
        {
            SyntheticMarketFiles.Write(temporary, seed, symbols, bars, SyntheticMarketFiles.DefaultStart);
            Directory.Move(temporary, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another worker generated the same market meanwhile: theirs is identical.
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }

        return folder;
    }
}
