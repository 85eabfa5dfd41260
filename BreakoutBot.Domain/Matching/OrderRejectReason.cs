namespace BreakoutBot.Domain.Matching;

/// <summary>Why the venue refused a request. <see cref="OrderRejectReasons.BybitRetCode"/> gives the matching retCode.</summary>
public enum OrderRejectReason
{
    /// <summary>110072: the orderLinkId was already used; the first order stands unchanged.</summary>
    DuplicateClientOrderId,

    /// <summary>The request is for another symbol than this engine's instrument.</summary>
    SymbolMismatch,

    /// <summary>The instrument is not in <c>Trading</c> status.</summary>
    InstrumentNotTrading,

    /// <summary>Price or quantity breaks an instrument filter; <see cref="OrderRejection.Violation"/> says which.</summary>
    InstrumentRuleViolated,

    /// <summary>A limit order without a price, a market order with one, or a market order marked PostOnly.</summary>
    InvalidOrderParameters,

    /// <summary>110017: a reduce-only order with no position to reduce (none, or on the same side).</summary>
    ReduceOnlyWouldIncreasePosition,

    /// <summary>A conditional order whose trigger is already reached at the time it arrives.</summary>
    TriggerAlreadyReached,

    /// <summary>110001: cancel or amend of an order the engine does not know.</summary>
    OrderNotFound,

    /// <summary>110001: cancel or amend of an order that is already closed.</summary>
    OrderNotOpen,
    /// <summary>110007: the account's available balance does not cover the order's initial margin and fee.</summary>
    InsufficientMargin,
}
