using System.Globalization;

namespace BreakoutBot.Backtesting.Data;

/// <summary>
/// Streams a <c>SYMBOL.trades.csv</c> in the layout of Bybit's public trading history: a header naming at least
/// <c>timestamp</c> and <c>price</c> (the others — symbol, side, size, tickDirection, trdMatchID... — are not read),
/// <c>timestamp</c> in epoch seconds with a fraction (as Bybit writes it) or in epoch milliseconds, oldest first.
/// Anything else stops the read with a <see cref="BacktestInputException"/> naming the file and line.
/// </summary>
public static class TradeTapeReader
{
    /// <summary>Above this a timestamp is read as milliseconds (1e11 s is the year 5138).</summary>
    private const decimal MillisecondsFrom = 100_000_000_000m;

    public static IEnumerable<(DateTimeOffset Time, decimal Price)> Read(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',').Select(column => column.Trim().ToLowerInvariant()).ToList();
        var (timeColumn, priceColumn) = (header?.IndexOf("timestamp") ?? -1, header?.IndexOf("price") ?? -1);
        if (timeColumn < 0 || priceColumn < 0)
        {
            throw new BacktestInputException(name, 1, "the header must name timestamp and price (Bybit's trading-history layout)");
        }

        var lineNumber = 1;
        var previous = DateTimeOffset.MinValue;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length <= Math.Max(timeColumn, priceColumn))
            {
                throw new BacktestInputException(name, lineNumber, $"{cells.Length} cell(s), the header needs at least {Math.Max(timeColumn, priceColumn) + 1}");
            }

            var time = Time(name, lineNumber, cells[timeColumn].Trim());
            if (!decimal.TryParse(cells[priceColumn].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var price) || price <= 0)
            {
                throw new BacktestInputException(name, lineNumber, $"price '{cells[priceColumn].Trim()}' is not a positive number");
            }

            if (time < previous)
            {
                throw new BacktestInputException(name, lineNumber, $"a trade at {time:O} after one at {previous:O}; trades must be oldest first");
            }

            previous = time;
            yield return (time, price);
        }
    }

    private static DateTimeOffset Time(string name, int lineNumber, string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value < 253_402_300_800_000m)
        {
            var milliseconds = value >= MillisecondsFrom ? value : value * 1000m;
            if (milliseconds < 253_402_300_800_000m)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Floor(milliseconds));
            }
        }

        throw new BacktestInputException(name, lineNumber, $"timestamp '{text}' is not epoch seconds (e.g. 1704067200.1234) or milliseconds");
    }
}
