namespace BreakoutBot.Web.Charts;

/// <summary>A marker on a bar: <paramref name="Position"/> aboveBar/belowBar, <paramref name="Shape"/> circle/arrowUp/arrowDown.</summary>
public sealed record ChartMarker(long Time, string Position, string Color, string Shape, string Text);
