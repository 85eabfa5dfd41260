namespace BreakoutBot.Domain.Matching;

/// <summary>Why an order ended <see cref="OrderStatus.Cancelled"/> or <see cref="OrderStatus.Deactivated"/> (Bybit's cancelType / rejectReason).</summary>
public enum OrderCancelReason
{
    /// <summary>CancelByUser.</summary>
    ByUser,

    /// <summary>The unfilled rest of an IOC or market order (EC_NoImmediateQtyToFill when nothing filled at all).</summary>
    NoImmediateQuantityToFill,

    /// <summary>A FOK order that the book could not fill completely; nothing was filled.</summary>
    FillOrKillNotFillable,

    /// <summary>EC_PostOnlyWillTakeLiquidity: a PostOnly order that would have crossed the book.</summary>
    PostOnlyWouldTakeLiquidity,

    /// <summary>CancelByReduceOnly: the position shrank to nothing, so the rest of a reduce-only order cannot execute.</summary>
    ReduceOnlyPositionClosed,

    /// <summary>CancelByAdmin: the venue cancelled an order it had accepted (maintenance, risk controls).</summary>
    ByVenue,
}
