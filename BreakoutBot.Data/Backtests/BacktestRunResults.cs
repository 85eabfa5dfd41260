namespace BreakoutBot.Data.Backtests;

/// <summary>What a succeeded run stores (JSON in the contract's shapes, written by the backtester).</summary>
public sealed record BacktestRunResults(long BarsRead, string FiguresJson, string EquityJson, string TradesJson, bool TradesTruncated, string ReportHtml);
