using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Paging;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Performance;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Performance;

/// <summary>
/// <c>/api/performance</c>: statistics of the closed trades and the equity curve in a time range, computed by the
/// Domain's accounting statistics from the trades and equity snapshots the Executor recorded.
/// </summary>
public static class PerformanceApi
{
    public const int MaxEquityPoints = 5_000;

    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/performance").WithTags("Performance").RequireReader();
        group.MapGet("/summary", Summary).WithName("GetPerformanceSummary");
        group.MapGet("/equity", Equity).WithName("GetEquityCurve");
        group.MapGet("/r-distribution", RDistribution).WithName("GetRDistribution");
        group.MapGet("/symbols", Symbols).WithName("GetSymbolPerformance");
        return endpoints;
    }

    public static async Task<Results<Ok<PerformanceSummary>, ValidationProblem>> Summary(
        TradingDbContext database, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var trades = await TradesAsync(database, start, end, cancellationToken);
        var equity = await EquityQuery(database, start, end).Select(snapshot => new { snapshot.At, snapshot.Equity }).ToListAsync(cancellationToken);
        var statistics = PerformanceStatistics.From(
            [.. trades.Select(ToClosedTrade)],
            [.. equity.Select(point => new EquitySnapshot(point.At, point.Equity))]);
        var t = statistics.Trades;
        return TypedResults.Ok(new PerformanceSummary(
            start, end, t.TradeCount, t.WinCount, t.LossCount, t.WinRate, trades.Sum(trade => trade.RealizedPnl), t.GrossProfit, t.GrossLoss, t.ExpectancyUsd,
            trades.Count == 0 ? null : trades.Average(trade => trade.RMultiple), trades.Sum(trade => trade.RMultiple), t.ProfitFactor, t.LongestLosingStreak,
            t.MaxDrawdownR, statistics.MaxDrawdownUsd, statistics.MaxDrawdownFraction, statistics.SharpeRatio, statistics.SortinoRatio, trades.Sum(trade => trade.Fees)));
    }

    /// <param name="maxPoints">Longer series are thinned evenly (first and last kept); default 1000.</param>
    public static async Task<Results<Ok<IReadOnlyList<EquityPoint>>, ValidationProblem>> Equity(
        TradingDbContext database, DateTimeOffset? from, DateTimeOffset? to, int? maxPoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        var limit = maxPoints ?? 1_000;
        if (limit is < 2 or > MaxEquityPoints)
        {
            validation.Add(nameof(maxPoints), $"must be between 2 and {MaxEquityPoints}");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var rows = await EquityQuery(database, start, end).OrderBy(snapshot => snapshot.At).ToListAsync(cancellationToken);
        var points = rows.Select(row => new EquityPoint(row.At, row.Equity, row.WalletBalance, row.UnrealizedPnl, row.OpenPositions, row.Drawdown)).ToList();
        return TypedResults.Ok<IReadOnlyList<EquityPoint>>(Thin(points, limit));
    }

    /// <param name="bucket">Bucket width in R, 0.1-5 (default 0.5).</param>
    public static async Task<Results<Ok<IReadOnlyList<RBucket>>, ValidationProblem>> RDistribution(
        TradingDbContext database, DateTimeOffset? from, DateTimeOffset? to, decimal? bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        var width = bucket ?? 0.5m;
        if (width is < 0.1m or > 5m)
        {
            validation.Add(nameof(bucket), "must be between 0.1 and 5");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var trades = await TradesAsync(database, start, end, cancellationToken);
        return TypedResults.Ok(RBucket.Of(trades.Select(trade => trade.RMultiple), width));
    }

    public static async Task<Results<Ok<IReadOnlyList<SymbolPerformance>>, ValidationProblem>> Symbols(
        TradingDbContext database, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var trades = await TradesAsync(database, start, end, cancellationToken);
        var result = trades.GroupBy(trade => trade.Symbol, StringComparer.Ordinal)
            .Select(group =>
            {
                var statistics = TradeStatistics.From(group.Select(ToClosedTrade));
                return new SymbolPerformance(
                    group.Key, statistics.TradeCount, statistics.WinCount, statistics.WinRate, group.Sum(trade => trade.RealizedPnl),
                    group.Sum(trade => trade.RMultiple), group.Average(trade => trade.RMultiple), statistics.ProfitFactor, group.Sum(trade => trade.Fees));
            })
            .OrderByDescending(symbol => symbol.NetPnl)
            .ToList();
        return TypedResults.Ok<IReadOnlyList<SymbolPerformance>>(result);
    }

    /// <summary>The stored trade as the Domain's round trip: the row's PnL is net of fees, the Domain's is before them.</summary>
    internal static ClosedTrade ToClosedTrade(TradeRecord trade) => new(
        InstrumentSymbol.TryParse(trade.Symbol, out var symbol) ? symbol : new InstrumentSymbol("UNKNOWN"),
        trade.Direction,
        trade.EntryPrice,
        trade.ExitPrice,
        trade.Quantity,
        trade.RealizedPnl + trade.Fees,
        trade.Fees,
        0m,
        trade.OpenedAt,
        trade.ClosedAt,
        trade.InitialRisk > 0 && trade.Quantity > 0 ? trade.InitialRisk / trade.Quantity : null);

    private static Task<List<TradeRecord>> TradesAsync(TradingDbContext database, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        var query = database.Trades.AsNoTracking();
        query = start is null ? query : query.Where(trade => trade.ClosedAt >= start);
        query = end is null ? query : query.Where(trade => trade.ClosedAt <= end);
        return query.OrderBy(trade => trade.ClosedAt).ToListAsync(cancellationToken);
    }

    private static IQueryable<Data.Engine.EquitySnapshotRecord> EquityQuery(TradingDbContext database, DateTimeOffset? start, DateTimeOffset? end)
    {
        var query = database.EquitySnapshots.AsNoTracking();
        query = start is null ? query : query.Where(snapshot => snapshot.At >= start);
        return end is null ? query : query.Where(snapshot => snapshot.At <= end);
    }

    private static List<EquityPoint> Thin(List<EquityPoint> points, int limit)
    {
        if (points.Count <= limit)
        {
            return points;
        }

        var step = (points.Count - 1) / (double)(limit - 1);
        return [.. Enumerable.Range(0, limit).Select(index => points[(int)Math.Round(index * step)])];
    }
}
