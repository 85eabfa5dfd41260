using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>New terms for an open order (<c>/v5/order/amend</c>), found by our orderLinkId; null fields stay as they are.</summary>
public sealed record OrderChange(InstrumentSymbol Symbol, string OrderLinkId, decimal? Quantity = null, decimal? LimitPrice = null, decimal? TriggerPrice = null);
