using System.Globalization;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Cli.Csv;

/// <summary>
/// Reads <c>date,open,high,low,close,volume</c> (columns found by header name, any order, extra columns ignored).
/// Every problem stops the read with the line number: missing columns, wrong cell counts, numbers that are not
/// finite, negative volume, high below low, dates that are unreadable, repeated or not ascending.
/// </summary>
public static class QuoteCsvReader
{
    private static readonly string[] RequiredColumns = ["date", "open", "high", "low", "close", "volume"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];

    public static IReadOnlyList<QuoteRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new QuoteCsvException(1, "the file is empty; expected a header 'date,open,high,low,close,volume'");
        var names = header.TrimStart('\uFEFF').Split(',').Select(name => name.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(column => !names.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            throw new QuoteCsvException(1, $"missing column(s) {string.Join(", ", missing)}; the header must name date,open,high,low,close,volume");
        }

        var positions = RequiredColumns.Select(column => Array.IndexOf(names, column)).ToArray();
        var rows = new List<QuoteRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new QuoteCsvException(lineNumber, $"expected {names.Length} cells like the header, found {cells.Length}");
            }

            var dateText = cells[positions[0]].Trim();
            if (!DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                throw new QuoteCsvException(lineNumber, $"date '{dateText}' is not a date like 2024-01-31 or 2024-01-31 09:30");
            }

            var open = Number(cells[positions[1]], "open", lineNumber);
            var high = Number(cells[positions[2]], "high", lineNumber);
            var low = Number(cells[positions[3]], "low", lineNumber);
            var close = Number(cells[positions[4]], "close", lineNumber);
            var volume = Number(cells[positions[5]], "volume", lineNumber);
            if (high < low)
            {
                throw new QuoteCsvException(lineNumber, $"high {Format(high)} is below low {Format(low)}");
            }

            if (volume < 0)
            {
                throw new QuoteCsvException(lineNumber, $"volume {Format(volume)} is negative");
            }

            if (rows.Count > 0)
            {
                var previous = rows[^1];
                if (date == previous.Date)
                {
                    throw new QuoteCsvException(lineNumber, $"date {dateText} repeats the previous row's date");
                }

                if (date < previous.Date)
                {
                    throw new QuoteCsvException(lineNumber, $"date {dateText} comes before the previous row's {previous.DateText}; rows must be in ascending date order");
                }
            }

            rows.Add(new QuoteRow(dateText, date, new Ohlcv(open, high, low, close, volume)));
        }

        return rows;
    }

    private static double Number(string cell, string column, int lineNumber)
    {
        var text = cell.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new QuoteCsvException(lineNumber, $"{column} '{text}' is not a number");
        }

        return value;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
