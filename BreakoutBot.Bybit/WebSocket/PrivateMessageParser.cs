using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Decodes Bybit V5 private pushes (<c>order</c>, <c>execution</c>, <c>position</c>, <c>wallet</c>) into typed records:
/// decimals from strings, enums strictly (an unknown value is a <see cref="FormatException"/>, not a guess).
/// </summary>
public static class PrivateMessageParser
{
    /// <summary>The topic family without the category suffix (<c>order.linear</c> → <c>order</c>); null for control frames.</summary>
    public static string? TopicFamily(JsonElement message)
    {
        var topic = PublicMessageParser.Topic(message);
        var dot = topic?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot < 0 ? topic : topic![..dot];
    }

    /// <exception cref="FormatException">Unknown topic, enum value, or a missing/non-numeric field.</exception>
    public static IReadOnlyList<PrivateStreamEvent> Parse(JsonElement message, DateTimeOffset receivedAt)
    {
        var family = TopicFamily(message);
        var data = message.GetProperty("data");
        return family switch
        {
            "order" => [.. data.EnumerateArray().Select(item => Order(item, receivedAt))],
            "execution" => [.. data.EnumerateArray().Select(item => Execution(item, receivedAt))],
            "position" => [.. data.EnumerateArray().Select(item => Position(item, receivedAt))],
            "wallet" => [.. data.EnumerateArray().Select(item => Wallet(item, receivedAt))],
            _ => throw new FormatException($"Unknown private topic '{family}'."),
        };
    }

    public static OrderUpdate Order(JsonElement item, DateTimeOffset receivedAt) =>
        new(
            receivedAt,
            Text(item, "orderId"),
            OptionalText(item, "orderLinkId"),
            InstrumentSymbol.Parse(Text(item, "symbol")),
            Side(Text(item, "side")),
            Text(item, "orderType") switch
            {
                "Market" => OrderType.Market,
                "Limit" => OrderType.Limit,
                var other => throw new FormatException($"Unknown orderType '{other}'."),
            },
            Status(Text(item, "orderStatus")),
            BybitJson.Decimal(item, "qty"),
            NonZero(BybitJson.DecimalOrNull(item, "price")),
            BybitJson.DecimalOrNull(item, "cumExecQty") ?? 0m,
            NonZero(BybitJson.DecimalOrNull(item, "avgPrice")),
            BybitJson.DecimalOrNull(item, "leavesQty") ?? 0m,
            BybitJson.DecimalOrNull(item, "cumExecFee") ?? 0m,
            item.TryGetProperty("reduceOnly", out var reduce) && reduce.ValueKind == JsonValueKind.True,
            OptionalText(item, "rejectReason"),
            BybitJson.Time(item, "createdTime"),
            BybitJson.Time(item, "updatedTime"));

    public static ExecutionUpdate Execution(JsonElement item, DateTimeOffset receivedAt) =>
        new(
            receivedAt,
            Text(item, "execId"),
            Text(item, "orderId"),
            OptionalText(item, "orderLinkId"),
            InstrumentSymbol.Parse(Text(item, "symbol")),
            Side(Text(item, "side")),
            BybitJson.Decimal(item, "execPrice"),
            BybitJson.Decimal(item, "execQty"),
            BybitJson.DecimalOrNull(item, "execFee") ?? 0m,
            item.TryGetProperty("isMaker", out var maker) && maker.ValueKind == JsonValueKind.True,
            OptionalText(item, "execType"),
            BybitJson.Time(item, "execTime"),
            item.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : 0);

    public static PositionUpdate Position(JsonElement item, DateTimeOffset receivedAt)
    {
        var size = BybitJson.Decimal(item, "size");
        PositionDirection? direction = OptionalText(item, "side") switch
        {
            "Buy" => PositionDirection.Long,
            "Sell" => PositionDirection.Short,
            "" or "None" => null,
            var other => throw new FormatException($"Unknown position side '{other}'."),
        };
        return new PositionUpdate(
            receivedAt,
            InstrumentSymbol.Parse(Text(item, "symbol")),
            size == 0 ? null : direction,
            size,
            NonZero(BybitJson.DecimalOrNull(item, "entryPrice") ?? BybitJson.DecimalOrNull(item, "avgPrice")),
            NonZero(BybitJson.DecimalOrNull(item, "markPrice")),
            BybitJson.DecimalOrNull(item, "unrealisedPnl") ?? 0m,
            BybitJson.DecimalOrNull(item, "cumRealisedPnl") ?? 0m,
            BybitJson.DecimalOrNull(item, "leverage"),
            NonZero(BybitJson.DecimalOrNull(item, "takeProfit")),
            NonZero(BybitJson.DecimalOrNull(item, "stopLoss")),
            BybitJson.Time(item, "updatedTime"),
            item.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : 0);
    }

    public static WalletUpdate Wallet(JsonElement item, DateTimeOffset receivedAt)
    {
        var usdt = item.TryGetProperty("coin", out var coins) && coins.ValueKind == JsonValueKind.Array
            ? coins.EnumerateArray().FirstOrDefault(coin => coin.TryGetProperty("coin", out var name) && name.ValueEquals("USDT"))
            : default;
        return new WalletUpdate(
            receivedAt,
            BybitJson.Decimal(item, "totalEquity"),
            usdt.ValueKind == JsonValueKind.Object ? BybitJson.Decimal(usdt, "walletBalance") : BybitJson.Decimal(item, "totalWalletBalance"),
            BybitJson.Decimal(item, "totalAvailableBalance"),
            BybitJson.DecimalOrNull(item, "totalPerpUPL") ?? 0m,
            BybitJson.DecimalOrNull(item, "totalInitialMargin") ?? 0m,
            BybitJson.DecimalOrNull(item, "totalMaintenanceMargin") ?? 0m);
    }

    /// <summary>Bybit's orderStatus. <c>PartiallyFilledCanceled</c> (spot only) is a cancelled order with fills.</summary>
    public static OrderStatus Status(string status) => status switch
    {
        "Created" => OrderStatus.Submitted,
        "New" or "Active" => OrderStatus.New,
        "PartiallyFilled" => OrderStatus.PartiallyFilled,
        "Filled" => OrderStatus.Filled,
        "Cancelled" or "PartiallyFilledCanceled" => OrderStatus.Cancelled,
        "Rejected" => OrderStatus.Rejected,
        "Untriggered" => OrderStatus.Untriggered,
        "Triggered" => OrderStatus.Triggered,
        "Deactivated" => OrderStatus.Deactivated,
        _ => throw new FormatException($"Unknown orderStatus '{status}'."),
    };

    private static OrderSide Side(string side) => side switch
    {
        "Buy" => OrderSide.Buy,
        "Sell" => OrderSide.Sell,
        _ => throw new FormatException($"Unknown side '{side}'."),
    };

    private static decimal? NonZero(decimal? value) => value is 0m ? null : value;

    private static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"'{property}' is missing or empty.");

    private static string OptionalText(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
