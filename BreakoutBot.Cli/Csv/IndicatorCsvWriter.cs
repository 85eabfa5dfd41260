using System.Globalization;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Cli.Csv;

/// <summary>Writes <c>index,date,&lt;fields&gt;</c>: values in shortest round-trip form, an empty cell for no value.</summary>
public static class IndicatorCsvWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<QuoteRow> rows, IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(series);

        writer.Write("index,date");
        foreach (var field in series.FieldNames)
        {
            writer.Write(',');
            writer.Write(field);
        }

        writer.Write('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(rows[i].DateText);
            for (var field = 0; field < series.FieldNames.Count; field++)
            {
                writer.Write(',');
                var value = series.Column(field)[i];
                if (!double.IsNaN(value))
                {
                    writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write('\n');
        }
    }
}
