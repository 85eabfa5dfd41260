using BreakoutBot.Domain.Accounting;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>What a backtest produced: trades in closing order, equity at every evaluated close, and what it could not judge.</summary>
/// <param name="Candles">Evaluated bars (every symbol's bars in the evaluated interval, warm-up included).</param>
/// <param name="FiltersNotEvaluated">Preset filters the data could not feed: they passed and are named here.</param>
/// <param name="Rejections">Why signals were not traded, counted by reason code.</param>
/// <param name="KillSwitchTrips">How often the kill switch tripped (daily loss or losing streak).</param>
/// <param name="SymbolsWithTradeTapes">Symbols whose ambiguous bars were decided by their trade tape (the others by the model).</param>
public sealed record BacktestResult(
    decimal StartingBalance,
    decimal FinalEquity,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<EquitySnapshot> Equity,
    long Candles,
    int Signals,
    IReadOnlyList<string> FiltersNotEvaluated,
    IReadOnlyDictionary<string, int> Rejections,
    int KillSwitchTrips,
    IReadOnlyList<string> SymbolsWithTradeTapes)
{
    public decimal NetPnl => FinalEquity - StartingBalance;
}
