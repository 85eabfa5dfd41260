using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Market;

/// <summary>One of our fills to draw on the chart: <paramref name="Kind"/> is <c>entry</c> or <c>exit</c>; <paramref name="Purpose"/> the order's (Entry, StopLoss, TakeProfit, Exit).</summary>
public sealed record TradeMarker(DateTimeOffset At, string Kind, string? Purpose, OrderSide Side, decimal Price, decimal Quantity, string OrderId, string? PositionId);
