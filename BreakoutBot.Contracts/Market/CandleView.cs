namespace BreakoutBot.Contracts.Market;

/// <summary>One kline; <paramref name="IsClosed"/> false for the still-forming bar.</summary>
public sealed record CandleView(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover, bool IsClosed);
