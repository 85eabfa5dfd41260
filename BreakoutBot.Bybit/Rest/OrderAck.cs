namespace BreakoutBot.Bybit.Rest;

/// <summary>The venue accepted a create, amend or cancel: only that, the order's outcome comes from a query or the stream.</summary>
public sealed record OrderAck(string OrderId, string OrderLinkId);
