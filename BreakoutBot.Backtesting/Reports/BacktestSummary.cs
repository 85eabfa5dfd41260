using System.Text.Json.Serialization;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Reports;

/// <summary>The figures of <c>summary.json</c>: money in USDT, ratios per evaluated bar annualised, drawdown in percent.</summary>
public sealed record BacktestSummary
{
    [JsonPropertyName("preset")] public required string Preset { get; init; }
    [JsonPropertyName("interval")] public required string Interval { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("symbols")] public required int Symbols { get; init; }
    [JsonPropertyName("starting_balance")] public required decimal StartingBalance { get; init; }
    [JsonPropertyName("final_equity")] public required decimal FinalEquity { get; init; }
    [JsonPropertyName("net_pnl")] public required decimal NetPnl { get; init; }
    [JsonPropertyName("trades")] public required int Trades { get; init; }
    [JsonPropertyName("win_rate")] public required decimal? WinRate { get; init; }
    [JsonPropertyName("profit_factor")] public required decimal? ProfitFactor { get; init; }
    [JsonPropertyName("expectancy")] public required decimal? Expectancy { get; init; }
    [JsonPropertyName("average_r")] public required decimal? AverageR { get; init; }
    [JsonPropertyName("max_drawdown_pct")] public required decimal? MaxDrawdownPct { get; init; }
    [JsonPropertyName("sharpe")] public required double? Sharpe { get; init; }
    [JsonPropertyName("sortino")] public required double? Sortino { get; init; }
    [JsonPropertyName("fees")] public required decimal Fees { get; init; }
    [JsonPropertyName("funding")] public required decimal Funding { get; init; }
    [JsonPropertyName("signals")] public required int Signals { get; init; }
    [JsonPropertyName("kill_switch_trips")] public required int KillSwitchTrips { get; init; }
    [JsonPropertyName("signals_not_traded")] public required IReadOnlyDictionary<string, int> SignalsNotTraded { get; init; }
    [JsonPropertyName("candles")] public required long Candles { get; init; }
    [JsonPropertyName("candles_per_second")] public required double CandlesPerSecond { get; init; }
    [JsonPropertyName("filters_not_evaluated")] public required IReadOnlyList<string> FiltersNotEvaluated { get; init; }
    [JsonPropertyName("intrabar_model")] public required string IntrabarModel { get; init; }

    private const string ModelOnly = "seeded OHLC path model (the simulator intrabar path) decides bars that touch both the stop and a target; the stop is first otherwise";

    public static BacktestSummary Of(BacktestResult result, BacktestSettings settings, int symbols, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        var closed = result.Trades.Select(ToClosedTrade).ToList();
        var barsPerYear = (int)(TimeSpan.FromDays(365).Ticks / settings.Interval.FixedDuration!.Value.Ticks);
        var statistics = PerformanceStatistics.From(closed, [.. result.Equity], barsPerYear);
        return new BacktestSummary
        {
            Preset = settings.Preset.Name,
            Interval = settings.Interval.WireName,
            Seed = settings.Seed,
            Symbols = symbols,
            StartingBalance = result.StartingBalance,
            FinalEquity = result.FinalEquity,
            NetPnl = result.NetPnl,
            Trades = result.Trades.Count,
            WinRate = Round(statistics.Trades.WinRate, 4),
            ProfitFactor = Round(statistics.Trades.ProfitFactor, 4),
            Expectancy = Round(statistics.Trades.ExpectancyUsd, 8),
            AverageR = Round(statistics.Trades.AverageR, 4),
            MaxDrawdownPct = Round(statistics.MaxDrawdownFraction * 100m, 4),
            Sharpe = statistics.SharpeRatio is { } sharpe ? Math.Round(sharpe, 4) : null,
            Sortino = statistics.SortinoRatio is { } sortino ? Math.Round(sortino, 4) : null,
            Fees = result.Trades.Sum(trade => trade.Fees),
            Funding = result.Trades.Sum(trade => trade.Funding),
            Signals = result.Signals,
            KillSwitchTrips = result.KillSwitchTrips,
            SignalsNotTraded = new SortedDictionary<string, int>(result.Rejections.ToDictionary(), StringComparer.Ordinal),
            Candles = result.Candles,
            CandlesPerSecond = elapsed > TimeSpan.Zero ? Math.Round(result.Candles / elapsed.TotalSeconds) : 0,
            FiltersNotEvaluated = result.FiltersNotEvaluated,
            IntrabarModel = result.SymbolsWithTradeTapes.Count == 0
                ? ModelOnly
                : $"trade tapes (SYMBOL.trades.csv) decide the bars that touch both the stop and a target for {string.Join(", ", result.SymbolsWithTradeTapes)}; the seeded OHLC path model for the others",
        };
    }

    /// <summary>The trade as the domain's statistics see it.</summary>
    public static ClosedTrade ToClosedTrade(BacktestTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new ClosedTrade(trade.Symbol, trade.Direction, trade.EntryPrice, trade.ExitPrice, trade.Quantity, trade.GrossPnl, trade.Fees, trade.Funding,
            trade.EntryTime, trade.ExitTime, Math.Abs(trade.EntryPrice - trade.InitialStop));
    }

    private static decimal? Round(decimal? value, int decimals) => value is { } number ? decimal.Round(number, decimals) : null;
}
