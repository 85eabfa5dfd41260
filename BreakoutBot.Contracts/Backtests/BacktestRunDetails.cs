namespace BreakoutBot.Contracts.Backtests;

/// <summary><c>GET /api/backtests/{id}</c>: a run with what was asked (defaults filled in), its equity curve and its trades.</summary>
/// <param name="Equity">Equity at the evaluated closes, thinned to at most 1,000 evenly spaced points (first and last kept).</param>
/// <param name="Trades">The trades in closing order (at most the first 5,000; <paramref name="TradesTruncated"/> says when there were more).</param>
public sealed record BacktestRunDetails(
    BacktestRunSummary Run,
    StartBacktestRequest Request,
    IReadOnlyList<BacktestEquityPoint> Equity,
    IReadOnlyList<BacktestTradeRow> Trades,
    bool TradesTruncated);
