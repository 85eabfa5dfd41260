namespace BreakoutBot.Web.Charts;

/// <summary>One point of a line; <paramref name="Time"/> in Unix seconds.</summary>
public sealed record LinePoint(long Time, double Value);
