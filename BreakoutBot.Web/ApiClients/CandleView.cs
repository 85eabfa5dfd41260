namespace BreakoutBot.Web.ApiClients;

/// <summary>One kline; IsClosed false for the forming bar.</summary>
public sealed record CandleView(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover, bool IsClosed);
