namespace BreakoutBot.Executor.Trading;

/// <summary>Order types as stored on an order record (<c>order_type</c>): how the order meets the book.</summary>
internal static class OrderTypes
{
    /// <summary>Takes liquidity at once.</summary>
    public const string Market = "Market";

    /// <summary>Rests at its price (entry slices are post-only limits).</summary>
    public const string Limit = "Limit";

    /// <summary>A conditional market order that waits for its trigger price (the venue stop).</summary>
    public const string Stop = "Stop";
}
