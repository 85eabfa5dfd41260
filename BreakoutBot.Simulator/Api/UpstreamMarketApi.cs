using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Upstream;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Paper mode's <c>/v5/market</c> endpoints: the same paths, parameters and shapes as <see cref="MarketApi"/>, answered
/// with the upstream's data read through our own <see cref="BybitMarketClient"/>. The upstream's business errors are
/// passed on with its retCode; an unreachable upstream is retCode 10016 (Bybit's "service error").
/// </summary>
public static class UpstreamMarketApi
{
    private const int ParameterError = 10001;
    private const int ServiceError = 10016;

    public static IEndpointRouteBuilder MapUpstreamMarketApi(this IEndpointRouteBuilder endpoints)
    {
        var market = endpoints.MapGroup("/v5/market");
        market.MapGet("/time", MarketApi.GetServerTime);
        market.MapGet("/instruments-info", GetInstruments);
        market.MapGet("/tickers", GetTickers);
        market.MapGet("/kline", GetKlines);
        market.MapGet("/orderbook", GetOrderBook);
        market.MapGet("/recent-trade", GetRecentTrades);
        market.MapGet("/open-interest", GetOpenInterest);
        return endpoints;
    }

    public static Task<IResult> GetInstruments(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, int? limit, string? cursor, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            if (category != "linear")
            {
                return Error(clock, "params error: category must be linear");
            }

            var instruments = await upstream.InstrumentsAsync(cancellationToken);
            var list = instruments.Where(instrument => symbol is null || instrument.Symbol.Value == symbol).Select(MarketWire.Instrument).ToList();
            return Paging.TryPage(list, limit, cursor, 500, 1000, out var page, out var next, out var problem)
                ? Ok(clock, new { category = "linear", list = page, nextPageCursor = next })
                : Error(clock, problem);
        });

    public static Task<IResult> GetTickers(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            if (category != "linear")
            {
                return Error(clock, "params error: category must be linear");
            }

            InstrumentSymbol? one = null;
            if (symbol is not null)
            {
                if (!TryKnownSymbol(upstream, symbol, out var parsed))
                {
                    return Error(clock, $"params error: symbol {symbol} invalid");
                }

                one = parsed;
            }

            var tickers = await upstream.TickersAsync(one, cancellationToken);
            return Ok(clock, new { category = "linear", list = tickers.Select(TickerWire) });
        });

    public static Task<IResult> GetKlines(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, string? interval, long? start, long? end, int? limit, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            if (!TryKnownSymbol(upstream, symbol, out var parsed))
            {
                return Error(clock, $"params error: symbol {symbol} invalid");
            }

            var count = limit ?? 200;
            if (!CandleInterval.TryParseWireName(interval, out var parsedInterval) || count is < 1 or > 1000 || category is not null and not "linear")
            {
                return Error(clock, "params error: category must be linear, interval a Bybit interval and limit within [1, 1000]");
            }

            // Our client asks for the latest bars only; a window is cut from the latest 1000.
            var bars = await upstream.Client.GetKlinesAsync(parsed, parsedInterval, start is null && end is null ? count : 1000, cancellationToken);
            var rows = bars
                .Where(bar => (start is null || bar.OpenTime.ToUnixTimeMilliseconds() >= start) && (end is null || bar.OpenTime.ToUnixTimeMilliseconds() <= end))
                .TakeLast(count)
                .Reverse()
                .Select(MarketWire.KlineRow)
                .ToList();
            return Ok(clock, new { symbol, category = "linear", list = rows });
        });

    public static Task<IResult> GetOrderBook(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, int? limit, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            var depth = limit ?? 25;
            if (!TryKnownSymbol(upstream, symbol, out var parsed) || depth is < 1 or > 1000)
            {
                return Error(clock, $"params error: symbol {symbol} invalid or limit outside [1, 1000]");
            }

            var book = await upstream.Client.GetOrderBookAsync(parsed, depth, cancellationToken);
            var ts = book.Time.ToUnixTimeMilliseconds();
            return Ok(clock, new { s = symbol, b = MarketWire.Levels(book.Bids), a = MarketWire.Levels(book.Asks), ts, u = book.UpdateId, seq = book.Sequence, cts = ts });
        });

    public static Task<IResult> GetRecentTrades(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, int? limit, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            if (!TryKnownSymbol(upstream, symbol, out var parsed))
            {
                return Error(clock, $"params error: symbol {symbol} invalid");
            }

            var trades = await upstream.Client.GetRecentTradesAsync(parsed, Math.Clamp(limit ?? 60, 1, 1000), cancellationToken);
            return Ok(clock, new { category = "linear", list = trades.Reverse().Select(MarketWire.Trade) });
        });

    /// <summary>The upstream's latest points, newest first; paging cursors are not relayed (the last page has none).</summary>
    public static Task<IResult> GetOpenInterest(UpstreamMarketData upstream, TimeProvider clock, string? category, string? symbol, string? intervalTime, int? limit, CancellationToken cancellationToken) =>
        RelayAsync(clock, async () =>
        {
            var count = limit ?? 50;
            if (category != "linear" || !TryKnownSymbol(upstream, symbol, out var parsed) || count is < 1 or > 200 || intervalTime is null)
            {
                return Error(clock, $"params error: category must be linear, symbol {symbol} known, intervalTime set and limit within [1, 200]");
            }

            var points = await upstream.Client.GetOpenInterestAsync(parsed, intervalTime, count, cancellationToken);
            var list = points.Reverse().Select(point => new { openInterest = Wire.Number(point.OpenInterest), timestamp = Wire.Millis(point.Time) });
            return Ok(clock, new { symbol, category = "linear", list, nextPageCursor = "" });
        });

    private static object TickerWire(Ticker ticker) => new
    {
        symbol = ticker.Symbol.Value,
        lastPrice = Wire.Number(ticker.LastPrice),
        indexPrice = Wire.Number(ticker.IndexPrice),
        markPrice = Wire.Number(ticker.MarkPrice),
        price24hPcnt = Wire.Number(ticker.PriceChange24hFraction),
        highPrice24h = Wire.Number(ticker.HighPrice24h),
        lowPrice24h = Wire.Number(ticker.LowPrice24h),
        openInterest = Wire.Number(ticker.OpenInterest),
        openInterestValue = Wire.Number(ticker.OpenInterestValue),
        turnover24h = Wire.Number(ticker.Turnover24h),
        volume24h = Wire.Number(ticker.Volume24h),
        fundingRate = ticker.FundingRate is { } rate ? Wire.Number(rate) : "",
        nextFundingTime = ticker.NextFundingTime is { } next ? Wire.Millis(next) : "0",
        bid1Price = ticker.Bid1Price is { } bid ? Wire.Number(bid) : "",
        bid1Size = Wire.Number(ticker.Bid1Size),
        ask1Price = ticker.Ask1Price is { } ask ? Wire.Number(ask) : "",
        ask1Size = Wire.Number(ticker.Ask1Size),
    };

    private static bool TryKnownSymbol(UpstreamMarketData upstream, string? symbol, out InstrumentSymbol parsed) =>
        InstrumentSymbol.TryParse(symbol, out parsed) && upstream.Find(parsed) is not null;

    private static async Task<IResult> RelayAsync(TimeProvider clock, Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (BybitApiException exception)
        {
            return TypedResults.Ok(V5Response.Error(exception.RetCode, exception.RetMessage, clock.GetUtcNow()));
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or FormatException)
        {
            return TypedResults.Ok(V5Response.Error(ServiceError, "upstream unavailable: " + exception.GetType().Name, clock.GetUtcNow()));
        }
    }

    private static Ok<V5Response<T>> Ok<T>(TimeProvider clock, T result) => TypedResults.Ok(V5Response.Ok(result, clock.GetUtcNow()));

    private static Ok<V5Response<V5ExtraInfo>> Error(TimeProvider clock, string message) => TypedResults.Ok(V5Response.Error(ParameterError, message, clock.GetUtcNow()));
}
