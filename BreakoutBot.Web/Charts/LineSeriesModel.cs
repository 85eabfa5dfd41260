namespace BreakoutBot.Web.Charts;

/// <summary>A time series for the line chart (equity, drawdown); points strictly ascending in time.</summary>
public sealed record LineSeriesModel(string Name, string Color, bool Area, int Precision, IReadOnlyList<LinePoint> Points)
{
    /// <summary>One point per second (the last wins), ascending, as the chart library requires.</summary>
    public static IReadOnlyList<LinePoint> From<T>(IEnumerable<T> items, Func<T, DateTimeOffset> time, Func<T, double> value) =>
        [.. items.GroupBy(item => time(item).ToUnixTimeSeconds()).OrderBy(group => group.Key).Select(group => new LinePoint(group.Key, value(group.Last())))];
}
