using System.Globalization;
using System.Text;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Reports;

/// <summary>Inline SVG charts for the report: a line or area over time, bars of a histogram, candlesticks of a trade.</summary>
internal static class SvgChart
{
    private const int Width = 900;
    private const int MaxPoints = 1_500;

    /// <summary>A line through <paramref name="values"/> (downsampled evenly to at most 1,500 points), min and max labelled.</summary>
    public static string Line(IReadOnlyList<double> values, int height, string colour, bool fillBelow = false)
    {
        if (values.Count == 0)
        {
            return "<p>No data.</p>";
        }

        var step = Math.Max(1, values.Count / MaxPoints);
        var points = new List<double>();
        for (var i = 0; i < values.Count; i += step)
        {
            points.Add(values[i]);
        }

        if ((values.Count - 1) % step != 0)
        {
            points.Add(values[^1]);
        }

        var (min, max) = (points.Min(), points.Max());
        var span = max - min == 0 ? 1 : max - min;
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var x = points.Count == 1 ? 0 : i * (Width - 60.0) / (points.Count - 1);
            var y = (height - 10) - ((points[i] - min) / span * (height - 20));
            path.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{x + 50:0.#},{y:0.#} ");
        }

        var area = fillBelow ? $"<path d=\"{path}L{Width - 10},{height - 10} L50,{height - 10} Z\" fill=\"{colour}\" opacity=\"0.25\"/>" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {height}\" class=\"chart\">{area}<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>" +
            $"<text x=\"0\" y=\"12\">{max:0.##}</text><text x=\"0\" y=\"{height - 12}\">{min:0.##}</text></svg>");
    }

    /// <summary>Vertical bars with their labels underneath.</summary>
    public static string Histogram(IReadOnlyList<(string Label, int Count)> bins, int height)
    {
        var most = Math.Max(1, bins.Count == 0 ? 1 : bins.Max(bin => bin.Count));
        var width = (Width - 20.0) / Math.Max(1, bins.Count);
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {height + 20}\" class=\"chart\">"));
        for (var i = 0; i < bins.Count; i++)
        {
            var barHeight = bins[i].Count * (height - 20.0) / most;
            var x = 10 + (i * width);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 2:0.#}\" y=\"{height - barHeight:0.#}\" width=\"{width - 4:0.#}\" height=\"{barHeight:0.#}\" fill=\"{(bins[i].Label.StartsWith('-') ? "#c0392b" : "#2e86c1")}\"><title>{bins[i].Count}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (width / 2):0.#}\" y=\"{height + 14}\" text-anchor=\"middle\">{bins[i].Label}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Candlesticks with horizontal lines at the entry, the initial stop and the exit.</summary>
    public static string Candles(IReadOnlyList<Candle> bars, decimal entry, decimal stop, decimal exit, DateTimeOffset entryTime, DateTimeOffset exitTime)
    {
        const int height = 160, width = 440;
        if (bars.Count == 0)
        {
            return "";
        }

        var low = (double)Math.Min(bars.Min(bar => bar.Low), Math.Min(stop, exit));
        var high = (double)Math.Max(bars.Max(bar => bar.High), Math.Max(stop, exit));
        var span = high - low == 0 ? 1 : high - low;
        double Y(decimal price) => 5 + ((high - (double)price) / span * (height - 10));
        var slot = (width - 10.0) / bars.Count;
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" class=\"candles\">"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = 5 + (i * slot) + (slot / 2);
            var colour = bar.Close >= bar.Open ? "#27ae60" : "#c0392b";
            var top = Y(Math.Max(bar.Open, bar.Close));
            var body = Math.Max(0.8, Y(Math.Min(bar.Open, bar.Close)) - top);
            var held = bar.OpenTime >= entryTime && bar.OpenTime < exitTime ? " class=\"held\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Y(bar.High):0.#}\" y2=\"{Y(bar.Low):0.#}\" stroke=\"{colour}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect{held} x=\"{x - (slot * 0.35):0.#}\" y=\"{top:0.#}\" width=\"{slot * 0.7:0.##}\" height=\"{body:0.#}\" fill=\"{colour}\"/>");
        }

        foreach (var (price, colour) in new[] { (entry, "#2e86c1"), (stop, "#c0392b"), (exit, "#8e44ad") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"5\" x2=\"{width - 5}\" y1=\"{Y(price):0.#}\" y2=\"{Y(price):0.#}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>");
        }

        return svg.Append("</svg>").ToString();
    }
}
