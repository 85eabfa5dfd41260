namespace BreakoutBot.Contracts.Backtests;

/// <summary>Account equity (USDT) at one evaluated close of a backtest.</summary>
public sealed record BacktestEquityPoint(DateTimeOffset At, decimal Equity);
