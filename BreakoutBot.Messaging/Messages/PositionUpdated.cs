using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Messaging.Messages;

/// <summary>A position's state after a fill, a stop move or an exit.</summary>
public sealed record PositionUpdated(
    string EventId,
    string PositionId,
    string Symbol,
    PositionDirection Direction,
    string Status,
    decimal EntryPrice,
    decimal OriginalQuantity,
    decimal OpenQuantity,
    decimal Stop,
    string StopKind,
    decimal RealizedPnl,
    DateTimeOffset OpenedAt,
    DateTimeOffset At) : IMessage
{
    public string MessageId => EventId;
}
