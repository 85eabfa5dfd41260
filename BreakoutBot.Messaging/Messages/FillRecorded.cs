using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Messaging.Messages;

/// <summary>A venue execution of one of our orders, booked.</summary>
public sealed record FillRecorded(
    string ExecutionId,
    string OrderId,
    string? PositionId,
    string Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    LiquidityRole Liquidity,
    DateTimeOffset At) : IMessage
{
    public string MessageId => ExecutionId;
}
