namespace BreakoutBot.Contracts.Performance;

/// <summary>Trade statistics of one symbol.</summary>
public sealed record SymbolPerformance(
    string Symbol, int TradeCount, int WinCount, decimal? WinRate, decimal NetPnl, decimal TotalR, decimal? AverageR, decimal? ProfitFactor, decimal Fees);
