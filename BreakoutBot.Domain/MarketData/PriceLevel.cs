namespace BreakoutBot.Domain.MarketData;

/// <summary>One order-book level: a price and the total resting quantity (base coin) at it.</summary>
public readonly record struct PriceLevel(decimal Price, decimal Quantity)
{
    /// <summary>Price × quantity, in the quote coin.</summary>
    public decimal Notional => Price * Quantity;
}
