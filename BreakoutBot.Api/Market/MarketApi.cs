using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Scanner;
using BreakoutBot.Api.Security;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Contracts.Market;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Market;

/// <summary><c>/api/market</c>: chart data (venue candles plus our levels, signals, entries and exits).</summary>
public static class MarketApi
{
    public const int MaxCandles = 1_000;

    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/market").WithTags("Market").RequireReader();
        group.MapGet("/candles/{symbol}", Candles).WithName("GetChartData");
        return endpoints;
    }

    /// <param name="interval">Bybit's interval name: 1 3 5 15 30 60 120 240 360 720 D W M (default 15).</param>
    /// <param name="limit">Number of candles, 1-1000 (default 200).</param>
    public static async Task<Results<Ok<ChartData>, ProblemHttpResult, ValidationProblem>> Candles(
        string symbol,
        string? interval,
        int? limit,
        VenueMarketData venue,
        RedisSnapshots snapshots,
        TradingDbContext database,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(database);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!InstrumentSymbol.TryParse(symbol, out var instrument))
        {
            errors[nameof(symbol)] = ["must be a Bybit symbol such as BTCUSDT (A-Z, 0-9 and '-', at most 32 characters)"];
        }

        var wireName = interval ?? "15";
        if (!CandleInterval.TryParseWireName(wireName, out var parsedInterval))
        {
            errors[nameof(interval)] = [$"must be one of: {string.Join(' ', CandleInterval.All.Select(value => value.WireName))}"];
        }

        var count = limit ?? 200;
        if (count is < 1 or > MaxCandles)
        {
            errors[nameof(limit)] = [$"must be between 1 and {MaxCandles}"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        IReadOnlyList<Candle> candles;
        try
        {
            candles = await venue.CandlesAsync(instrument, parsedInterval, count, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return Problems.VenueUnavailable(exception.Message);
        }
        catch (BybitApiException exception)
        {
            return Problems.VenueUnavailable($"the venue refused the kline request: retCode {exception.RetCode} {exception.RetMessage}");
        }

        var views = candles.Select(candle => new CandleView(
            candle.OpenTime, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.Turnover, candle.IsClosed)).ToList();
        var start = candles.Count > 0 ? candles[0].OpenTime : DateTimeOffset.MaxValue;
        var end = candles.Count > 0 ? candles[^1].CloseTime : DateTimeOffset.MinValue;

        var signals = await database.Signals.AsNoTracking()
            .Where(signal => signal.Symbol == symbol && signal.DetectedAt >= start && signal.DetectedAt < end)
            .OrderBy(signal => signal.DetectedAt).Take(1_000).ToListAsync(cancellationToken);
        var fills = await database.Fills.AsNoTracking()
            .Where(fill => fill.Symbol == symbol && fill.ExecutedAt >= start && fill.ExecutedAt < end)
            .OrderBy(fill => fill.ExecutedAt).Take(5_000)
            .Join(database.Orders.AsNoTracking(), fill => fill.OrderId, order => order.OrderId, (fill, order) => new { fill, order.Purpose })
            .ToListAsync(cancellationToken);
        var markers = fills.Select(row => new TradeMarker(
            row.fill.ExecutedAt, row.Purpose is OrderPurpose.Entry or OrderPurpose.AddOn ? "entry" : "exit", row.Purpose.ToString(), row.fill.Side, row.fill.Price, row.fill.Quantity, row.fill.OrderId, row.fill.PositionId)).ToList();

        var levels = (await snapshots.ScanLatestAsync())?.Symbols.FirstOrDefault(row => row.Symbol == symbol)?.Levels;

        return TypedResults.Ok(new ChartData(symbol, wireName, views, levels, [.. signals.Select(ScannerApi.ToView)], markers));
    }
}
