namespace BreakoutBot.Domain.Accounting;

/// <summary>Account equity (wallet + unrealised PnL, USDT) observed at one instant.</summary>
public readonly record struct EquitySnapshot(DateTimeOffset At, decimal Equity);
