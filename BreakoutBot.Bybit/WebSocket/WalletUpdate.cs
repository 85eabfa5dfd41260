namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A <c>wallet</c> push of the unified account, in USDT (the venue sends none on subscribe).</summary>
public sealed record WalletUpdate(
    DateTimeOffset ReceivedAt,
    decimal Equity,
    decimal WalletBalance,
    decimal AvailableBalance,
    decimal UnrealisedPnl,
    decimal InitialMargin,
    decimal MaintenanceMargin) : PrivateStreamEvent(ReceivedAt);
