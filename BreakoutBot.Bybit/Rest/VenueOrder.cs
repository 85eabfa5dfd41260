namespace BreakoutBot.Bybit.Rest;

/// <summary>An order as the venue reports it (<c>/v5/order/realtime</c>); <see cref="Status"/> is Bybit's orderStatus.</summary>
public sealed record VenueOrder(string OrderId, string OrderLinkId, string Status, decimal Quantity, decimal FilledQuantity, decimal? AveragePrice, decimal Fee);
