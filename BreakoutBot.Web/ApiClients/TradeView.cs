namespace BreakoutBot.Web.ApiClients;

/// <summary>A closed trade: realised PnL net of fees in USDT and in R.</summary>
public sealed record TradeView(
    string TradeId,
    string PositionId,
    string? SignalId,
    string Symbol,
    string Direction,
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
    DateTimeOffset ClosedAt);
