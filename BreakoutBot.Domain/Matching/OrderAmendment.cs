namespace BreakoutBot.Domain.Matching;

/// <summary>New terms for an open order (<c>POST /v5/order/amend</c>); null fields stay as they are.</summary>
public sealed record OrderAmendment(ClientOrderId ClientOrderId, decimal? Quantity = null, decimal? LimitPrice = null, decimal? TriggerPrice = null);
