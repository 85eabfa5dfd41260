namespace BreakoutBot.Contracts.Backtests;

/// <summary>
/// The figures of a finished backtest (the CLI's <c>summary.json</c>): money in USDT, drawdown in percent, Sharpe and
/// Sortino annualised from the per-bar equity returns.
/// </summary>
/// <param name="FiltersNotEvaluated">Preset filters the data could not feed: they passed, and are named here.</param>
/// <param name="SignalsNotTraded">Why signals were not traded, counted by reason.</param>
public sealed record BacktestFigures(
    decimal StartingBalance,
    decimal FinalEquity,
    decimal NetPnl,
    int Trades,
    decimal? WinRate,
    decimal? ProfitFactor,
    decimal? Expectancy,
    decimal? AverageR,
    decimal? MaxDrawdownPct,
    double? Sharpe,
    double? Sortino,
    decimal Fees,
    decimal Funding,
    int Signals,
    int KillSwitchTrips,
    long Candles,
    double CandlesPerSecond,
    IReadOnlyList<string> FiltersNotEvaluated,
    IReadOnlyDictionary<string, int> SignalsNotTraded);
