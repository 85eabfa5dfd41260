namespace BreakoutBot.Domain.Matching;

/// <summary>Bybit's <c>orderType</c>.</summary>
public enum OrderType
{
    Market,
    Limit,
}
