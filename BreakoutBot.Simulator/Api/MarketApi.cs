using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreakoutBot.Simulator.Api;

/// <summary>The Bybit V5 market-data endpoints the simulator serves (paths, parameters and shapes as on the real venue).</summary>
public static class MarketApi
{
    private const int ParameterError = 10001;
    private const int BarsPerDay = 288;

    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder endpoints)
    {
        var market = endpoints.MapGroup("/v5/market");
        market.MapGet("/time", GetServerTime);
        market.MapGet("/instruments-info", GetInstruments);
        market.MapGet("/tickers", GetTickers);
        market.MapGet("/kline", GetKlines);
        market.MapGet("/orderbook", GetOrderBook);
        market.MapGet("/recent-trade", GetRecentTrades);
        market.MapGet("/open-interest", GetOpenInterest);
        return endpoints;
    }

    public static Ok<V5Response<ServerTimeResult>> GetServerTime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(V5Response.Ok(ServerTimeResult.At(now), now));
    }

    public static IResult GetInstruments(SimulatedMarketFeed feed, string? category, string? symbol, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (category != "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        var list = feed.Instruments.Where(instrument => symbol is null || instrument.Symbol.Value == symbol).Select(MarketWire.Instrument).ToList();
        if (!Paging.TryPage(list, limit, cursor, 500, 1000, out var page, out var next, out var problem))
        {
            return Error(feed, problem);
        }

        return Ok(feed, new { category = "linear", list = page, nextPageCursor = next });
    }

    public static IResult GetTickers(SimulatedMarketFeed feed, string? category, string? symbol)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (category != "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        var instruments = feed.Instruments.Where(instrument => symbol is null || instrument.Symbol.Value == symbol).ToList();
        if (symbol is not null && instruments.Count == 0)
        {
            return Error(feed, $"params error: symbol {symbol} invalid");
        }

        var now = feed.Now;
        var list = instruments.Select(instrument =>
        {
            var (last, day) = feed.Recent(instrument.Symbol);
            var open24h = day[0].Open;
            var book = SyntheticBookAndTrades.OrderBook(instrument, last, feed.BarCount(instrument.Symbol), 1, now);
            return new
            {
                symbol = instrument.Symbol.Value,
                lastPrice = Wire.Number(last.Close),
                indexPrice = Wire.Number(last.Close),
                markPrice = Wire.Number(last.Close),
                prevPrice24h = Wire.Number(open24h),
                price24hPcnt = Wire.Number(decimal.Round((last.Close - open24h) / open24h, 6)),
                highPrice24h = Wire.Number(day.Max(bar => bar.High)),
                lowPrice24h = Wire.Number(day.Min(bar => bar.Low)),
                openInterest = Wire.Number(day.Sum(bar => bar.Volume) / 4),
                openInterestValue = Wire.Number(decimal.Round(day.Sum(bar => bar.Volume) / 4 * last.Close, 2)),
                turnover24h = Wire.Number(day.Sum(bar => bar.Turnover)),
                volume24h = Wire.Number(day.Sum(bar => bar.Volume)),
                fundingRate = "0.0001",
                nextFundingTime = Wire.Millis(NextFunding(now)),
                bid1Price = Wire.Number(book.BestBid!.Value.Price),
                bid1Size = Wire.Number(book.BestBid!.Value.Quantity),
                ask1Price = Wire.Number(book.BestAsk!.Value.Price),
                ask1Size = Wire.Number(book.BestAsk!.Value.Quantity),
            };
        }).ToList();
        return Ok(feed, new { category = "linear", list });
    }

    public static IResult GetKlines(SimulatedMarketFeed feed, string? category, string? symbol, string? interval, long? start, long? end, int? limit)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        if (!CandleInterval.TryParseWireName(interval, out var parsedInterval) || parsedInterval is CandleInterval.OneMinute or CandleInterval.ThreeMinutes)
        {
            return Error(feed, $"params error: interval {interval} is not served by the simulator (5 minutes and longer)");
        }

        var count = limit ?? 200;
        if (count is < 1 or > 1000)
        {
            return Error(feed, "params error: limit must be within [1, 1000]");
        }

        if (category is not null and not "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        var now = feed.Now;
        var bars = Aggregate(feed.ClosedBars(instrumentSymbol), parsedInterval, now)
            .Where(bar => (start is null || bar.OpenTime.ToUnixTimeMilliseconds() >= start) && (end is null || bar.OpenTime.ToUnixTimeMilliseconds() <= end))
            .TakeLast(count)
            .Reverse()
            .Select(MarketWire.KlineRow)
            .ToList();
        return Ok(feed, new { symbol, category = "linear", list = bars });
    }

    public static IResult GetOrderBook(SimulatedMarketFeed feed, string? category, string? symbol, int? limit)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        var depth = limit ?? 25;
        if (depth is < 1 or > 1000)
        {
            return Error(feed, "params error: limit must be within [1, 1000]");
        }

        var instrument = feed.Instruments.Single(candidate => candidate.Symbol == instrumentSymbol);
        var (last, _) = feed.Recent(instrumentSymbol);
        var now = feed.Now;
        var book = SyntheticBookAndTrades.OrderBook(instrument, last, feed.BarCount(instrumentSymbol), depth, now);
        return Ok(feed, new
        {
            s = symbol,
            b = MarketWire.Levels(book.Bids),
            a = MarketWire.Levels(book.Asks),
            ts = now.ToUnixTimeMilliseconds(),
            u = book.UpdateId,
            seq = book.Sequence,
            cts = now.ToUnixTimeMilliseconds(),
        });
    }

    public static IResult GetRecentTrades(SimulatedMarketFeed feed, string? category, string? symbol, int? limit)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        var count = Math.Clamp(limit ?? 60, 1, 1000);
        var instrument = feed.Instruments.Single(candidate => candidate.Symbol == instrumentSymbol);
        var bars = feed.ClosedBars(instrumentSymbol);
        var trades = new List<Trade>();
        for (var index = bars.Count - 1; index >= 0 && trades.Count < count; index--)
        {
            trades.InsertRange(0, SyntheticBookAndTrades.Trades(instrument, bars[index], index + 1, 20));
        }

        var list = trades.TakeLast(count).Reverse().Select(MarketWire.Trade);
        return Ok(feed, new { category = "linear", list });
    }

    /// <summary>
    /// Open interest (base coin) at the close of each <paramref name="intervalTime"/> period, newest first: a quarter of
    /// the trailing 24 h volume, the same model the tickers use.
    /// </summary>
    public static IResult GetOpenInterest(SimulatedMarketFeed feed, string? category, string? symbol, string? intervalTime, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (category != "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        int? minutes = intervalTime switch { "5min" => 5, "15min" => 15, "30min" => 30, "1h" => 60, "4h" => 240, "1d" => 1440, _ => null };
        if (minutes is null)
        {
            return Error(feed, "params error: intervalTime must be 5min, 15min, 30min, 1h, 4h or 1d");
        }

        var bars = feed.ClosedBars(instrumentSymbol);
        var points = new List<object>();
        var windowVolume = 0m;
        for (var index = 0; index < bars.Count; index++)
        {
            windowVolume += bars[index].Volume;
            if (index >= BarsPerDay)
            {
                windowVolume -= bars[index - BarsPerDay].Volume;
            }

            var close = bars[index].OpenTime.AddMinutes(5);
            if (close.ToUnixTimeMilliseconds() % (minutes.Value * 60_000L) == 0)
            {
                points.Add(new { openInterest = Wire.Number(decimal.Round(windowVolume / 4, 3)), timestamp = Wire.Millis(close) });
            }
        }

        points.Reverse();
        if (!Paging.TryPage(points, limit, cursor, 50, 200, out var page, out var next, out problem))
        {
            return Error(feed, problem);
        }

        return Ok(feed, new { symbol, category = "linear", list = page, nextPageCursor = next });
    }

    private static bool TryKnownSymbol(SimulatedMarketFeed feed, string? symbol, out InstrumentSymbol parsed, out string problem)
    {
        if (!InstrumentSymbol.TryParse(symbol, out parsed) || !feed.Knows(parsed))
        {
            problem = $"params error: symbol {symbol} invalid";
            return false;
        }

        problem = "";
        return true;
    }

    private static IEnumerable<Candle> Aggregate(IReadOnlyList<Candle> fiveMinuteBars, CandleInterval interval, DateTimeOffset now)
    {
        if (interval == CandleInterval.FiveMinutes)
        {
            return fiveMinuteBars;
        }

        return fiveMinuteBars
            .GroupBy(bar => interval.OpenTimeContaining(bar.OpenTime))
            .Select(group => new Candle(
                interval,
                group.Key,
                group.First().Open,
                group.Max(bar => bar.High),
                group.Min(bar => bar.Low),
                group.Last().Close,
                group.Sum(bar => bar.Volume),
                group.Sum(bar => bar.Turnover),
                interval.NextOpenTime(group.Key) <= now));
    }

    private static DateTimeOffset NextFunding(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var next = day.AddHours(8 * (Math.Floor(now.UtcDateTime.TimeOfDay.TotalHours / 8) + 1));
        return next;
    }

    private static Ok<V5Response<T>> Ok<T>(SimulatedMarketFeed feed, T result) => TypedResults.Ok(V5Response.Ok(result, feed.Now));

    private static Ok<V5Response<V5ExtraInfo>> Error(SimulatedMarketFeed feed, string message) =>
        TypedResults.Ok(V5Response.Error(ParameterError, message, feed.Now));
}
