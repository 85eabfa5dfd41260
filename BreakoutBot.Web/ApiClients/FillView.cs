namespace BreakoutBot.Web.ApiClients;

/// <summary>One execution.</summary>
public sealed record FillView(
    string ExecutionId, string OrderId, string? PositionId, string Symbol, string Side, decimal Price, decimal Quantity, decimal Fee, string Liquidity, DateTimeOffset ExecutedAt);
