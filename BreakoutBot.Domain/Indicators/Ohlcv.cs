namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// One bar as indicator math sees it: prices and volume as <see cref="double"/>. Money stays <c>decimal</c> at the
/// venue boundary and in the ledger; indicators only compare and scale prices, where double is exact enough and fast.
/// </summary>
public readonly record struct Ohlcv(double Open, double High, double Low, double Close, double Volume);
