using System.Globalization;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Decodes Bybit V5 public stream pushes (<c>kline</c>, <c>orderbook</c>, <c>publicTrade</c>) into domain values.
/// Prices and sizes are decimal strings on the wire, times are millisecond numbers.
/// </summary>
public static class PublicMessageParser
{
    /// <summary>The topic of a push, or null for control frames (pong, subscribe acknowledgements).</summary>
    public static string? Topic(JsonElement message) =>
        message.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.String ? topic.GetString() : null;

    /// <summary><c>kline.{interval}.{symbol}</c>: every bar in the push; <c>confirm: true</c> marks a closed bar.</summary>
    public static IReadOnlyList<Candle> Klines(JsonElement message)
    {
        var parts = (Topic(message) ?? "").Split('.');
        if (parts is not ["kline", var intervalName, _])
        {
            throw new FormatException($"'{Topic(message)}' is not a kline topic.");
        }

        var interval = CandleInterval.ParseWireName(intervalName);
        return [.. message.GetProperty("data").EnumerateArray().Select(bar => new Candle(
            interval,
            DateTimeOffset.FromUnixTimeMilliseconds(bar.GetProperty("start").GetInt64()),
            BybitJson.Decimal(bar, "open"),
            BybitJson.Decimal(bar, "high"),
            BybitJson.Decimal(bar, "low"),
            BybitJson.Decimal(bar, "close"),
            BybitJson.Decimal(bar, "volume"),
            BybitJson.Decimal(bar, "turnover"),
            bar.GetProperty("confirm").GetBoolean()))];
    }

    /// <summary><c>orderbook.{depth}.{symbol}</c> snapshot or delta.</summary>
    public static OrderBookMessage OrderBook(JsonElement message)
    {
        var data = message.GetProperty("data");
        return new OrderBookMessage(
            InstrumentSymbol.Parse(data.GetProperty("s").GetString()!),
            message.GetProperty("type").GetString() switch
            {
                "snapshot" => true,
                "delta" => false,
                var other => throw new FormatException($"Unknown order book message type '{other}'."),
            },
            Levels(data.GetProperty("b")),
            Levels(data.GetProperty("a")),
            data.GetProperty("u").GetInt64(),
            data.TryGetProperty("seq", out var seq) ? seq.GetInt64() : 0,
            DateTimeOffset.FromUnixTimeMilliseconds(message.GetProperty("ts").GetInt64()));
    }

    /// <summary><c>publicTrade.{symbol}</c>: trades in time order (S = taker side, v = size, p = price, i = id).</summary>
    public static IReadOnlyList<Trade> Trades(JsonElement message) =>
        [.. message.GetProperty("data").EnumerateArray().Select(trade => new Trade(
            InstrumentSymbol.Parse(trade.GetProperty("s").GetString()!),
            trade.GetProperty("i").GetString()!,
            DateTimeOffset.FromUnixTimeMilliseconds(trade.GetProperty("T").GetInt64()),
            BybitJson.Decimal(trade, "p"),
            BybitJson.Decimal(trade, "v"),
            Side(trade.GetProperty("S").GetString()),
            trade.TryGetProperty("BT", out var block) && block.ValueKind == JsonValueKind.True))];

    /// <exception cref="FormatException">The side is neither Buy nor Sell (an enum value this client does not know).</exception>
    private static TakerSide Side(string? side) => side switch
    {
        "Buy" => TakerSide.Buy,
        "Sell" => TakerSide.Sell,
        _ => throw new FormatException($"Unknown taker side '{side}'."),
    };

    private static PriceLevel[] Levels(JsonElement levels)
    {
        var result = new PriceLevel[levels.GetArrayLength()];
        var i = 0;
        foreach (var level in levels.EnumerateArray())
        {
            result[i++] = new PriceLevel(
                decimal.Parse(level[0].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(level[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return result;
    }
}
