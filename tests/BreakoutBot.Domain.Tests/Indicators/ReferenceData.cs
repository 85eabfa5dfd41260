using System.Globalization;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Domain.Tests.Indicators;

/// <summary>Reads the indicator reference files in TestData/indicators.</summary>
internal static class ReferenceData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "indicators");

    public static Ohlcv[] Quotes(string file = "quotes.csv") =>
        [.. File.ReadLines(Path.Combine(Directory, file)).Skip(1).Where(line => line.Length > 0).Select(ParseQuote)];

    /// <summary>A full-series file as field name → column (NaN where the cell is empty).</summary>
    public static (string[] Fields, Dictionary<string, double[]> Columns) FullSeries(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, $"expected_{name}_full.csv")).Where(line => line.Length > 0).ToArray();
        var fields = lines[0].Split(',')[2..];
        var columns = fields.ToDictionary(field => field, _ => new double[lines.Length - 1]);
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            Assert.Equal((row - 1).ToString(CultureInfo.InvariantCulture), cells[0]);
            for (var field = 0; field < fields.Length; field++)
            {
                var cell = cells[field + 2];
                columns[fields[field]][row - 1] = cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);
            }
        }

        return (fields, columns);
    }

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    public static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(character);
            }
        }

        cells.Add(current.ToString());
        return [.. cells];
    }

    /// <summary>True when both are NaN, or they agree to a relative 1e-9 (absolute 1e-12 near zero).</summary>
    public static bool Close(double expected, double actual) =>
        double.IsNaN(expected)
            ? double.IsNaN(actual)
            : !double.IsNaN(actual) && Math.Abs(expected - actual) <= Math.Max(1e-12, 1e-9 * Math.Abs(expected));

    private static Ohlcv ParseQuote(string line)
    {
        var cells = line.Split(',');
        return new Ohlcv(
            double.Parse(cells[1], CultureInfo.InvariantCulture),
            double.Parse(cells[2], CultureInfo.InvariantCulture),
            double.Parse(cells[3], CultureInfo.InvariantCulture),
            double.Parse(cells[4], CultureInfo.InvariantCulture),
            double.Parse(cells[5], CultureInfo.InvariantCulture));
    }
}
