namespace BreakoutBot.Contracts.Backtests;

/// <summary>One round trip of a backtest (a row of the CLI's <c>trades.csv</c>); <c>NetPnl = GrossPnl − Fees + Funding</c>.</summary>
/// <param name="Side">Long or Short.</param>
public sealed record BacktestTradeRow(
    string Symbol,
    string Side,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal GrossPnl,
    decimal Fees,
    decimal Funding,
    decimal NetPnl,
    decimal RMultiple,
    string ExitReason);
