namespace BreakoutBot.Contracts.Backtests;

/// <summary>A data set the backtester holds, as a run names it (<see cref="BacktestMarketChoice.DataSet"/>).</summary>
/// <param name="Symbols">Kline files in it, one per symbol.</param>
/// <param name="ListedAt">When the backtester listed it in this form (our clock).</param>
public sealed record BacktestDataSetView(string Name, int Symbols, DateTimeOffset ListedAt);
