namespace BreakoutBot.Domain.Trading;

/// <summary>The side of an order or a fill, as Bybit names it.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
