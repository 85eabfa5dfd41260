using System.Text.Json;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Parsers for the private (order, execution, position, account) results. Numbers are decimals from JSON strings,
/// <c>""</c> is "no value", unknown fields are ignored (Bybit adds fields over time).
/// </summary>
public static class TradingParsers
{
    /// <summary><c>/v5/order/realtime</c> and <c>/v5/order/history</c>.</summary>
    public static VenuePage<VenueOrder> ParseOrders(JsonElement result) =>
        new([.. result.GetProperty("list").EnumerateArray().Select(ParseOrder)], Cursor(result));

    public static VenueOrder ParseOrder(JsonElement item) =>
        new(
            Text(item, "orderId"),
            Text(item, "orderLinkId"),
            Text(item, "orderStatus"),
            BybitJson.Decimal(item, "qty"),
            BybitJson.DecimalOrNull(item, "cumExecQty") ?? 0m,
            BybitJson.DecimalOrNull(item, "avgPrice") is { } average and not 0 ? average : null,
            FeeOf(item))
        {
            Symbol = InstrumentSymbol.TryParse(Text(item, "symbol"), out var symbol) ? symbol : null,
            Side = SideOrNull(Text(item, "side")),
            OrderType = Text(item, "orderType"),
            LimitPrice = BybitJson.DecimalOrNull(item, "price") is { } price and not 0 ? price : null,
            TriggerPrice = BybitJson.DecimalOrNull(item, "triggerPrice") is { } trigger and not 0 ? trigger : null,
            TriggerDirection = item.TryGetProperty("triggerDirection", out var direction) && direction.ValueKind == JsonValueKind.Number ? direction.GetInt32() : 0,
            ReduceOnly = item.TryGetProperty("reduceOnly", out var reduce) && reduce.ValueKind == JsonValueKind.True,
            StopOrderType = Text(item, "stopOrderType"),
            CreateType = Text(item, "createType"),
            Reason = FirstNonEmpty(Text(item, "rejectReason") is "EC_NoError" ? "" : Text(item, "rejectReason"), Text(item, "cancelType") is "UNKNOWN" ? "" : Text(item, "cancelType")),
            CreatedTime = TimeOrNull(item, "createdTime"),
            UpdatedTime = TimeOrNull(item, "updatedTime"),
        };

    /// <summary><c>/v5/execution/list</c>.</summary>
    public static VenuePage<VenueTransaction> ParseTransactions(JsonElement result) =>
        new([.. result.GetProperty("list").EnumerateArray().Select(item => new VenueTransaction(
            Text(item, "id"),
            InstrumentSymbol.Parse(Text(item, "symbol")),
            Text(item, "type"),
            BybitJson.DecimalOrNull(item, "funding") ?? 0m,
            BybitJson.DecimalOrNull(item, "fee") ?? 0m,
            BybitJson.DecimalOrNull(item, "cashFlow") ?? 0m,
            BybitJson.Decimal(item, "change"),
            BybitJson.Decimal(item, "cashBalance"),
            BybitJson.Time(item, "transactionTime"),
            Text(item, "orderLinkId")))], Cursor(result));

    public static VenuePage<VenueExecution> ParseExecutions(JsonElement result) =>
        new([.. result.GetProperty("list").EnumerateArray().Select(item => new VenueExecution(
            Text(item, "execId"),
            Text(item, "orderId"),
            Text(item, "orderLinkId"),
            InstrumentSymbol.Parse(Text(item, "symbol")),
            Side(Text(item, "side")),
            BybitJson.Decimal(item, "execPrice"),
            BybitJson.Decimal(item, "execQty"),
            BybitJson.DecimalOrNull(item, "execFee") ?? 0m,
            BybitJson.DecimalOrNull(item, "feeRate"),
            item.TryGetProperty("isMaker", out var maker) && maker.ValueKind == JsonValueKind.True,
            Text(item, "execType"),
            BybitJson.Time(item, "execTime")))], Cursor(result));

    /// <summary><c>/v5/position/list</c>: only rows with a size (a symbol query also returns the flat row).</summary>
    public static IReadOnlyList<VenuePosition> ParsePositions(JsonElement result) =>
        [.. result.GetProperty("list").EnumerateArray()
            .Where(item => BybitJson.DecimalOrNull(item, "size") > 0)
            .Select(item => new VenuePosition(
                InstrumentSymbol.Parse(Text(item, "symbol")),
                Text(item, "side") == "Buy" ? PositionDirection.Long : PositionDirection.Short,
                BybitJson.Decimal(item, "size"),
                BybitJson.Decimal(item, "avgPrice"),
                BybitJson.DecimalOrNull(item, "unrealisedPnl") ?? 0m)
            {
                MarkPrice = BybitJson.DecimalOrNull(item, "markPrice"),
                Leverage = BybitJson.DecimalOrNull(item, "leverage"),
                TakeProfit = BybitJson.DecimalOrNull(item, "takeProfit") is { } takeProfit and not 0 ? takeProfit : null,
                StopLoss = BybitJson.DecimalOrNull(item, "stopLoss") is { } stopLoss and not 0 ? stopLoss : null,
            })];

    /// <summary><c>/v5/account/fee-rate</c>.</summary>
    public static IReadOnlyList<VenueFeeRate> ParseFeeRates(JsonElement result) =>
        [.. result.GetProperty("list").EnumerateArray().Select(item => new VenueFeeRate(
            InstrumentSymbol.Parse(Text(item, "symbol")),
            BybitJson.Decimal(item, "makerFeeRate"),
            BybitJson.Decimal(item, "takerFeeRate")))];

    /// <summary>The ack of create, amend and cancel: <c>{orderId, orderLinkId}</c>.</summary>
    public static OrderAck ParseAck(JsonElement result) => new(Text(result, "orderId"), Text(result, "orderLinkId"));

    /// <summary><c>/v5/order/cancel-all</c>: the orders the venue will cancel.</summary>
    public static IReadOnlyList<OrderAck> ParseCancelAll(JsonElement result) =>
        [.. result.GetProperty("list").EnumerateArray().Select(ParseAck)];

    /// <summary><c>/v5/market/open-interest</c>, returned oldest first.</summary>
    public static IReadOnlyList<OpenInterestPoint> ParseOpenInterest(JsonElement result)
    {
        var symbol = InstrumentSymbol.Parse(Text(result, "symbol"));
        return [.. result.GetProperty("list").EnumerateArray()
            .Select(item => new OpenInterestPoint(symbol, BybitJson.Time(item, "timestamp"), BybitJson.Decimal(item, "openInterest")))
            .OrderBy(point => point.Time)];
    }

    internal static string? Cursor(JsonElement result) =>
        result.TryGetProperty("nextPageCursor", out var next) && next.GetString() is { Length: > 0 } cursor ? cursor : null;

    private static decimal FeeOf(JsonElement item)
    {
        // cumFeeDetail {coin: fee} replaces the deprecated cumExecFee for linear; read either.
        if (item.TryGetProperty("cumFeeDetail", out var detail) && detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("USDT", out _))
        {
            return BybitJson.Decimal(detail, "USDT");
        }

        return BybitJson.DecimalOrNull(item, "cumExecFee") ?? 0m;
    }

    private static DateTimeOffset? TimeOrNull(JsonElement item, string property) =>
        BybitJson.DecimalOrNull(item, property) is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;

    private static OrderSide Side(string text) =>
        SideOrNull(text) ?? throw new FormatException($"Unknown side '{text}'.");

    private static OrderSide? SideOrNull(string text) => text switch
    {
        "Buy" => OrderSide.Buy,
        "Sell" => OrderSide.Sell,
        _ => null,
    };

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;

    private static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
