using System.Globalization;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Data;

/// <summary>
/// Streams one <c>SYMBOL.csv</c> in Bybit's kline layout: a header naming <c>timestamp,open,high,low,close,volume,turnover</c>
/// (any order, extra columns ignored), then one closed bar per line, <c>timestamp</c> in epoch milliseconds. The base
/// interval is the distance between the first two bars and must be one of Bybit's intervals; every later bar must follow
/// its predecessor by exactly that much (no gaps, no duplicates, no going back). Anything else stops the read with a
/// <see cref="BacktestInputException"/> naming the file and line. Memory does not grow with the file.
/// </summary>
public static class KlineCsvReader
{
    public static readonly string[] RequiredColumns = ["timestamp", "open", "high", "low", "close", "volume", "turnover"];

    /// <summary>Every bar of the file, oldest first, in its base interval.</summary>
    /// <exception cref="BacktestInputException">The file is missing, empty, or a line breaks the layout or the order.</exception>
    public static IEnumerable<Candle> Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new BacktestInputException(name, null, "the file does not exist");
        }

        using var reader = new StreamReader(path);
        var columns = ReadHeader(name, reader.ReadLine());
        var lineNumber = 1;
        DateTimeOffset? previous = null;
        CandleInterval? interval = null;
        (DateTimeOffset Time, decimal[] Values, int Line)? first = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var (time, values) = ParseRow(name, lineNumber, line, columns);
            if (previous is { } last)
            {
                if (time == last)
                {
                    throw new BacktestInputException(name, lineNumber, $"timestamp {Millis(time)} repeats the previous line");
                }

                if (time < last)
                {
                    throw new BacktestInputException(name, lineNumber, $"timestamp {Millis(time)} is before the previous line's {Millis(last)}; bars must be oldest first");
                }
            }

            if (interval is null && first is { } head)
            {
                interval = IntervalOf(name, lineNumber, time - head.Time);
                yield return ToCandle(name, head.Line, interval.Value, head.Time, head.Values);
            }
            else if (interval is { } known && previous is { } before && time - before != known.FixedDuration)
            {
                throw new BacktestInputException(name, lineNumber,
                    $"gap: {Millis(time)} follows {Millis(before)} by {(time - before).TotalMinutes:0.##} minutes, the file's bars are {known.FixedDuration!.Value.TotalMinutes:0.##} minutes apart");
            }

            previous = time;
            if (interval is { } current)
            {
                yield return ToCandle(name, lineNumber, current, time, values);
            }
            else
            {
                first = (time, values, lineNumber);
            }
        }

        if (first is null)
        {
            throw new BacktestInputException(name, null, "no bars after the header");
        }

        if (interval is null)
        {
            throw new BacktestInputException(name, null, "only one bar: the base interval cannot be told");
        }
    }

    private static int[] ReadHeader(string name, string? header)
    {
        if (header is null)
        {
            throw new BacktestInputException(name, 1, "the file is empty; expected the header " + string.Join(',', RequiredColumns));
        }

        var names = header.Split(',').Select(column => column.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(column => !names.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            throw new BacktestInputException(name, 1, $"missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(',', RequiredColumns)}");
        }

        return [.. RequiredColumns.Select(column => names.IndexOf(column))];
    }

    private static (DateTimeOffset Time, decimal[] Values) ParseRow(string name, int lineNumber, string line, int[] columns)
    {
        var cells = line.Split(',');
        var needed = columns.Max() + 1;
        if (cells.Length < needed)
        {
            throw new BacktestInputException(name, lineNumber, $"{cells.Length} cell(s), the header needs at least {needed}");
        }

        var timestampText = cells[columns[0]].Trim();
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
        {
            throw new BacktestInputException(name, lineNumber, $"timestamp '{timestampText}' is not epoch milliseconds");
        }

        DateTimeOffset time;
        try
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new BacktestInputException(name, lineNumber, $"timestamp '{timestampText}' is out of range");
        }

        var values = new decimal[columns.Length - 1];
        for (var i = 1; i < columns.Length; i++)
        {
            var text = cells[columns[i]].Trim();
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out values[i - 1]))
            {
                throw new BacktestInputException(name, lineNumber, $"{RequiredColumns[i]} '{text}' is not a non-negative number");
            }
        }

        return (time, values);
    }

    private static Candle ToCandle(string name, int lineNumber, CandleInterval interval, DateTimeOffset time, decimal[] values)
    {
        if (interval.OpenTimeContaining(time) != time)
        {
            throw new BacktestInputException(name, lineNumber, $"timestamp {Millis(time)} is not the start of a {interval.WireName}-minute bar (UTC-aligned, as Bybit's klines)");
        }

        try
        {
            return new Candle(interval, time, values[0], values[1], values[2], values[3], values[4], values[5], isClosed: true);
        }
        catch (ArgumentException exception)
        {
            throw new BacktestInputException(name, lineNumber, "not a valid bar: " + exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static CandleInterval IntervalOf(string name, int lineNumber, TimeSpan step)
    {
        foreach (var interval in CandleInterval.All)
        {
            if (interval.FixedDuration == step)
            {
                return interval;
            }
        }

        throw new BacktestInputException(name, lineNumber,
            $"the first two bars are {step.TotalMinutes:0.##} minutes apart, which is not a Bybit kline interval (1, 3, 5, 15, 30, 60... minutes)");
    }

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
