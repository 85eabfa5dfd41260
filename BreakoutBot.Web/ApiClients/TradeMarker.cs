namespace BreakoutBot.Web.ApiClients;

/// <summary>One of our fills on the chart: Kind <c>entry</c> or <c>exit</c>.</summary>
public sealed record TradeMarker(DateTimeOffset At, string Kind, string? Purpose, string Side, decimal Price, decimal Quantity, string OrderId, string? PositionId);
