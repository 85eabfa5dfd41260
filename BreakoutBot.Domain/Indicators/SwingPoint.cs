namespace BreakoutBot.Domain.Indicators;

/// <summary>A confirmed swing high or low: the bar index and its price (the high for highs, the low for lows).</summary>
public readonly record struct SwingPoint(int Index, double Price, bool IsHigh);
