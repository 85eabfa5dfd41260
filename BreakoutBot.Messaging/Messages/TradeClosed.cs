using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Messaging.Messages;

/// <summary>A position ended: the trade with realised PnL in USDT and R, fees included.</summary>
public sealed record TradeClosed(
    string TradeId,
    string PositionId,
    string Symbol,
    PositionDirection Direction,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal RealizedPnl,
    decimal Fees,
    decimal RMultiple,
    string ExitReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt) : IMessage
{
    public string MessageId => TradeId;
}
