using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>Turns the <c>result</c> of Bybit's market-data endpoints into domain types (decimals, UTC times).</summary>
public static class MarketDataParsers
{
    /// <summary><c>/v5/market/instruments-info</c> (linear). Instruments other than USDT-settled linear perpetuals are skipped.</summary>
    public static InstrumentPage ParseInstruments(JsonElement result)
    {
        var instruments = new List<Instrument>();
        foreach (var item in result.GetProperty("list").EnumerateArray())
        {
            if (item.GetProperty("contractType").GetString() != "LinearPerpetual" || item.GetProperty("settleCoin").GetString() != "USDT")
            {
                continue;
            }

            var price = item.GetProperty("priceFilter");
            var lot = item.GetProperty("lotSizeFilter");
            var leverage = item.GetProperty("leverageFilter");
            instruments.Add(new Instrument(
                InstrumentSymbol.Parse(item.GetProperty("symbol").GetString()!),
                item.GetProperty("baseCoin").GetString()!,
                item.GetProperty("quoteCoin").GetString()!,
                ParseStatus(item.GetProperty("status").GetString()),
                BybitJson.Decimal(price, "tickSize"),
                BybitJson.Decimal(price, "minPrice"),
                BybitJson.Decimal(price, "maxPrice"),
                BybitJson.Decimal(lot, "qtyStep"),
                BybitJson.Decimal(lot, "minOrderQty"),
                BybitJson.Decimal(lot, "maxOrderQty"),
                BybitJson.DecimalOrNull(lot, "maxMktOrderQty") ?? BybitJson.Decimal(lot, "maxOrderQty"),
                BybitJson.DecimalOrNull(lot, "minNotionalValue") ?? 0m,
                BybitJson.Decimal(leverage, "maxLeverage")));
        }

        var cursor = result.TryGetProperty("nextPageCursor", out var next) ? next.GetString() : null;
        return new InstrumentPage(instruments, string.IsNullOrEmpty(cursor) ? null : cursor);
    }

    /// <summary>
    /// <c>/v5/market/kline</c>: rows <c>[start, open, high, low, close, volume, turnover]</c>, newest first; returned
    /// oldest first. A bar is closed when its interval has ended by <paramref name="serverTime"/>.
    /// </summary>
    public static IReadOnlyList<Candle> ParseKlines(JsonElement result, CandleInterval interval, DateTimeOffset serverTime)
    {
        var candles = new List<Candle>();
        foreach (var row in result.GetProperty("list").EnumerateArray())
        {
            var cells = row.EnumerateArray().Select(cell => cell.GetString() ?? "").ToArray();
            if (cells.Length < 7)
            {
                throw new FormatException($"A kline row has {cells.Length} cells; expected 7 (start, open, high, low, close, volume, turnover).");
            }

            var openTime = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(cells[0], CultureInfo.InvariantCulture));
            var closed = interval.NextOpenTime(openTime) <= serverTime;
            candles.Add(new Candle(interval, openTime, Number(cells[1]), Number(cells[2]), Number(cells[3]), Number(cells[4]), Number(cells[5]), Number(cells[6]), closed));
        }

        candles.Sort((a, b) => a.OpenTime.CompareTo(b.OpenTime));
        return candles;
    }

    /// <summary><c>/v5/market/tickers</c> (linear).</summary>
    public static IReadOnlyList<Ticker> ParseTickers(JsonElement result, DateTimeOffset time)
    {
        var tickers = new List<Ticker>();
        foreach (var item in result.GetProperty("list").EnumerateArray())
        {
            var nextFunding = BybitJson.DecimalOrNull(item, "nextFundingTime");
            tickers.Add(new Ticker
            {
                Symbol = InstrumentSymbol.Parse(item.GetProperty("symbol").GetString()!),
                Time = time,
                LastPrice = BybitJson.Decimal(item, "lastPrice"),
                MarkPrice = BybitJson.Decimal(item, "markPrice"),
                IndexPrice = BybitJson.Decimal(item, "indexPrice"),
                Bid1Price = BybitJson.DecimalOrNull(item, "bid1Price"),
                Bid1Size = BybitJson.DecimalOrNull(item, "bid1Size") ?? 0m,
                Ask1Price = BybitJson.DecimalOrNull(item, "ask1Price"),
                Ask1Size = BybitJson.DecimalOrNull(item, "ask1Size") ?? 0m,
                HighPrice24h = BybitJson.Decimal(item, "highPrice24h"),
                LowPrice24h = BybitJson.Decimal(item, "lowPrice24h"),
                Volume24h = BybitJson.Decimal(item, "volume24h"),
                Turnover24h = BybitJson.Decimal(item, "turnover24h"),
                PriceChange24hFraction = BybitJson.Decimal(item, "price24hPcnt"),
                OpenInterest = BybitJson.Decimal(item, "openInterest"),
                OpenInterestValue = BybitJson.Decimal(item, "openInterestValue"),
                FundingRate = BybitJson.DecimalOrNull(item, "fundingRate"),
                NextFundingTime = nextFunding is null or 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)nextFunding.Value),
            });
        }

        return tickers;
    }

    /// <summary><c>/v5/market/orderbook</c>: bids descending, asks ascending, with update id and sequence.</summary>
    public static OrderBookSnapshot ParseOrderBook(JsonElement result) =>
        new(
            InstrumentSymbol.Parse(result.GetProperty("s").GetString()!),
            Levels(result.GetProperty("b")),
            Levels(result.GetProperty("a")),
            DateTimeOffset.FromUnixTimeMilliseconds(result.GetProperty("ts").GetInt64()),
            result.GetProperty("u").GetInt64(),
            result.TryGetProperty("seq", out var seq) ? seq.GetInt64() : 0);

    /// <summary><c>/v5/market/recent-trade</c>, returned oldest first.</summary>
    public static IReadOnlyList<Trade> ParseRecentTrades(JsonElement result)
    {
        var trades = new List<Trade>();
        foreach (var item in result.GetProperty("list").EnumerateArray())
        {
            trades.Add(new Trade(
                InstrumentSymbol.Parse(item.GetProperty("symbol").GetString()!),
                item.GetProperty("execId").GetString()!,
                BybitJson.Time(item, "time"),
                BybitJson.Decimal(item, "price"),
                BybitJson.Decimal(item, "size"),
                item.GetProperty("side").GetString() == "Buy" ? TakerSide.Buy : TakerSide.Sell,
                item.TryGetProperty("isBlockTrade", out var block) && block.ValueKind == JsonValueKind.True));
        }

        // The venue lists newest first; prints of one millisecond keep the venue's order between them (a stable sort of
        // the reversed list), so several prints of one match stay in the order they printed.
        trades.Reverse();
        return [.. trades.OrderBy(trade => trade.Time)];
    }

    private static IEnumerable<PriceLevel> Levels(JsonElement levels) =>
        levels.EnumerateArray().Select(level => new PriceLevel(Number(level[0].GetString()!), Number(level[1].GetString()!)));

    private static ContractStatus ParseStatus(string? status) => status switch
    {
        "PreLaunch" => ContractStatus.PreLaunch,
        "Trading" => ContractStatus.Trading,
        "Delivering" => ContractStatus.Delivering,
        "Closed" => ContractStatus.Closed,
        _ => throw new FormatException($"Unknown contract status '{status}'."),
    };

    private static decimal Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"\"{text}\" is not a number.");
}
