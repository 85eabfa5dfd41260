using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Trading;
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
        market.MapGet("/funding/history", GetFundingHistory);
        market.MapGet("/risk-limit", GetRiskLimits);
        return endpoints;
    }

    public static Ok<V5Response<ServerTimeResult>> GetServerTime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(V5Response.Ok(ServerTimeResult.At(now), now));
    }

    public static IResult GetInstruments(SimulatedMarketFeed feed, string? category, string? symbol, string? status, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (category is not ("linear" or "spot" or "inverse" or "option"))
        {
            return Error(feed, "params error: category must be linear, inverse, spot or option");
        }

        // The venue lists only linear USDT perpetuals, all of them Trading: other categories and statuses are empty.
        var list = feed.Instruments
            .Where(instrument => category == "linear" && (symbol is null || instrument.Symbol.Value == symbol) && (status is null || status == instrument.Status.ToString()))
            .Select(MarketWire.Instrument)
            .ToList();
        if (!Paging.TryPage(list, limit, cursor, 500, 1000, out var page, out var next, out var problem))
        {
            return Error(feed, problem);
        }

        return Ok(feed, new { category, list = page, nextPageCursor = next });
    }

    public static IResult GetTickers(SimulatedMarketFeed feed, FundingSchedule funding, string? category, string? symbol)
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

        var list = instruments.Select(instrument => SyntheticTicker.Fields(feed, instrument, funding)).ToList();
        return Ok(feed, new { category = "linear", list });
    }

    public static IResult GetKlines(SimulatedMarketFeed feed, string? category, string? symbol, string? interval, long? start, long? end, int? limit)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        if (!CandleInterval.TryParseWireName(interval, out var parsedInterval))
        {
            return Error(feed, $"params error: interval {interval} invalid (1,3,5,15,30,60,120,240,360,720,D,W,M)");
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

        var endTime = end is { } endMs ? DateTimeOffset.FromUnixTimeMilliseconds(endMs) : (DateTimeOffset?)null;
        var bars = feed.Candles(instrumentSymbol, parsedInterval, endTime, count)
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

        var now = feed.Now;
        var moment = feed.Moment(instrumentSymbol);
        var book = SyntheticBook.After(moment.Tape, moment.LastPrint, depth, moment.Cursor, moment.Cursor);
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

        var count = Math.Clamp(limit ?? 500, 1, 1000);
        var list = feed.RecentTrades(instrumentSymbol, count).Reverse().Select(MarketWire.Trade);
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

    /// <summary>Funding rates settled since the simulator started, newest first (symbols the account has traded).</summary>
    public static IResult GetFundingHistory(SimulatedMarketFeed feed, SimulatedExchange exchange, string? category, string? symbol, long? startTime, long? endTime, int? limit)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(exchange);
        if (category != "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        if (!TryKnownSymbol(feed, symbol, out var instrumentSymbol, out var problem))
        {
            return Error(feed, problem);
        }

        var count = limit ?? 200;
        if (count is < 1 or > 200)
        {
            return Error(feed, "params error: limit must be within [1, 200]");
        }

        var list = exchange.FundingHistory(instrumentSymbol)
            .Where(settlement => (startTime is null || settlement.Time.ToUnixTimeMilliseconds() >= startTime) && (endTime is null || settlement.Time.ToUnixTimeMilliseconds() <= endTime))
            .Take(count)
            .Select(settlement => new { symbol, fundingRate = Wire.Number(settlement.Rate), fundingRateTimestamp = Wire.Millis(settlement.Time) })
            .ToList();
        return Ok(feed, new { category = "linear", list });
    }

    /// <summary>The risk-limit tiers (<see cref="RiskLimitTiers"/>) of one symbol or all.</summary>
    public static IResult GetRiskLimits(SimulatedMarketFeed feed, string? category, string? symbol)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (category != "linear")
        {
            return Error(feed, "params error: category must be linear");
        }

        var instruments = feed.Instruments.Where(instrument => symbol is null || instrument.Symbol.Value == symbol).ToList();
        if (instruments.Count == 0)
        {
            return Error(feed, $"params error: symbol {symbol} invalid");
        }

        var list = instruments.SelectMany(instrument => RiskLimitTiers.For(instrument).Select(tier => new
        {
            id = tier.Id,
            symbol = instrument.Symbol.Value,
            riskLimitValue = Wire.Number(tier.RiskLimitValue),
            maintenanceMargin = Wire.Number(tier.MaintenanceMarginRate),
            initialMargin = Wire.Number(tier.InitialMarginRate),
            isLowestRisk = tier.Id == 1 ? 1 : 0,
            maxLeverage = Wire.Number(tier.MaxLeverage),
            mmDeduction = "",
        })).ToList();
        return Ok(feed, new { category = "linear", list });
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

    private static Ok<V5Response<T>> Ok<T>(SimulatedMarketFeed feed, T result) => TypedResults.Ok(V5Response.Ok(result, feed.Now));

    private static Ok<V5Response<V5ExtraInfo>> Error(SimulatedMarketFeed feed, string message) =>
        TypedResults.Ok(V5Response.Error(ParameterError, message, feed.Now));
}
