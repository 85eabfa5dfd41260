namespace BreakoutBot.Contracts.Performance;

/// <summary>One point of the equity curve with its drawdown from the running peak (0-1).</summary>
public sealed record EquityPoint(DateTimeOffset At, decimal Equity, decimal WalletBalance, decimal UnrealizedPnl, int OpenPositions, decimal Drawdown);
