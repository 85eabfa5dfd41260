using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Trading;

/// <summary>One execution.</summary>
public sealed record FillView(
    string ExecutionId,
    string OrderId,
    string? PositionId,
    string Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    LiquidityRole Liquidity,
    DateTimeOffset ExecutedAt);
