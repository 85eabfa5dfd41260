namespace BreakoutBot.Data.Trading;

/// <summary>How an order meets the book (the orders table's <c>order_type</c> column, stored as the member's name).</summary>
public enum OrderStyle
{
    /// <summary>Takes liquidity at once.</summary>
    Market,

    /// <summary>Rests at its price (entry slices are post-only limits; take-profits are limits).</summary>
    Limit,

    /// <summary>A conditional market order that waits for its trigger price (the venue stop).</summary>
    Stop,
}
