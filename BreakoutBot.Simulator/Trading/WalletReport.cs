namespace BreakoutBot.Simulator.Trading;

/// <summary>The account's USDT figures after a change (Bybit <c>wallet</c> topic).</summary>
public sealed record WalletReport(
    decimal WalletBalance,
    decimal Equity,
    decimal UnrealisedPnl,
    decimal RealisedPnl,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal AvailableBalance);
