namespace BreakoutBot.Web.Charts;

/// <summary>A horizontal line across the chart; <paramref name="Style"/> is the library's line style (0 solid, 2 dashed, 3 large dashed).</summary>
public sealed record ChartPriceLine(double Price, string Color, int Width, int Style, string Title);
