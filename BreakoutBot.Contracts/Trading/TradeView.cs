using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Contracts.Trading;

/// <summary>A closed trade: realised PnL net of fees in USDT and in R.</summary>
/// <param name="UnprotectedSeconds">How long its position went without a working venue stop.</param>
public sealed record TradeView(
    string TradeId,
    string PositionId,
    string? SignalId,
    string Symbol,
    PositionDirection Direction,
    string? Strategy,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal RealizedPnl,
    decimal Fees,
    decimal RMultiple,
    decimal InitialRisk,
    string ExitReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal UnprotectedSeconds = 0);
