namespace BreakoutBot.Data.Trading;

/// <summary>Why an order exists (the orders table's <c>purpose</c> column, stored as the member's name).</summary>
public enum OrderPurpose
{
    /// <summary>Opens the position: a market order, or one slice of a TWAP/passive entry.</summary>
    Entry,

    /// <summary>The one add to a winner (<c>add_on_enabled</c>): an entry-side market order on an open position.</summary>
    AddOn,

    /// <summary>The venue stop, or the market order that exits when a stop cannot be placed.</summary>
    StopLoss,

    /// <summary>A rung of the take-profit ladder.</summary>
    TakeProfit,

    /// <summary>A reduce-only market order closing some or all of the position (rule exit, manual close, flatten).</summary>
    Exit,
}
