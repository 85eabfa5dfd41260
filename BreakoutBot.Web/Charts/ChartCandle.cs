namespace BreakoutBot.Web.Charts;

/// <summary>One bar for the chart; <paramref name="Time"/> in Unix seconds (UTC).</summary>
public sealed record ChartCandle(long Time, double Open, double High, double Low, double Close, double Volume);
