using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Bybit V5 order endpoints of the simulated venue (signed): create, cancel, realtime. Bodies are read as Bybit sends
/// them (numbers as strings); a request the venue would refuse gets the venue's retCode and nothing is created.
/// </summary>
public static class OrderApi
{
    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/v5/order").AddEndpointFilter<SignedRequestFilter>();
        orders.MapPost("/create", CreateOrder);
        orders.MapPost("/cancel", CancelOrder);
        orders.MapGet("/realtime", GetOrders);
        return endpoints;
    }

    public static async Task<IResult> CreateOrder(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        if (!TryReadOrder(body.RootElement, exchange, out var order, out var problem))
        {
            return Error(10001, problem, now);
        }

        var result = exchange.Submit(order);
        if (result.Rejection is { } rejection)
        {
            return Error(rejection.BybitRetCode, rejection.Message, now);
        }

        return TypedResults.Ok(V5Response.Ok(new { orderId = result.Order!.OrderId, orderLinkId = result.Order.ClientOrderId.Value }, now));
    }

    public static async Task<IResult> CancelOrder(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (!InstrumentSymbol.TryParse(Text(root, "symbol"), out var symbol) || !exchange.Knows(symbol))
        {
            return Error(10001, $"params error: symbol {Text(root, "symbol")} invalid", now);
        }

        if (!ClientOrderId.TryParse(Text(root, "orderLinkId"), out var clientOrderId))
        {
            return Error(10001, "params error: orderLinkId is required by the simulator", now);
        }

        var result = exchange.Cancel(symbol, clientOrderId);
        return result.Rejection is { } rejection
            ? Error(rejection.BybitRetCode, rejection.Message, now)
            : TypedResults.Ok(V5Response.Ok(new { orderId = result.Order!.OrderId, orderLinkId = clientOrderId.Value }, now));
    }

    public static IResult GetOrders(SimulatedExchange exchange, TimeProvider clock, string? category, string? symbol, string? orderLinkId)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        if (!InstrumentSymbol.TryParse(symbol, out var parsed) || !exchange.Knows(parsed))
        {
            return Error(10001, $"params error: symbol {symbol} invalid", now);
        }

        ClientOrderId? id = null;
        if (orderLinkId is not null)
        {
            if (!ClientOrderId.TryParse(orderLinkId, out var parsedId))
            {
                return Error(10001, $"params error: orderLinkId {orderLinkId} invalid", now);
            }

            id = parsedId;
        }

        var list = exchange.Orders(parsed, id).Select(order => new
        {
            orderId = order.OrderId,
            orderLinkId = order.ClientOrderId.Value,
            symbol = order.Request.Symbol.Value,
            side = order.Request.Side.ToString(),
            orderType = order.Request.Type.ToString(),
            price = order.LimitPrice is { } price ? Wire.Number(price) : "",
            qty = Wire.Number(order.Quantity),
            orderStatus = order.Status.ToString(),
            cumExecQty = Wire.Number(order.FilledQuantity),
            avgPrice = order.FilledQuantity > 0 ? Wire.Number(order.AverageFillPrice) : "",
            cumExecFee = Wire.Number(order.CumulativeFee),
            leavesQty = Wire.Number(order.LeavesQuantity),
            reduceOnly = order.Request.ReduceOnly,
            timeInForce = WireTimeInForce(order.Request.TimeInForce),
            rejectReason = order.RejectReason?.ToString() ?? order.CancelReason?.ToString() ?? "",
            createdTime = Wire.Millis(order.SubmittedAt),
            updatedTime = Wire.Millis(order.UpdatedAt),
        });
        return TypedResults.Ok(V5Response.Ok(new { category = "linear", list, nextPageCursor = "" }, now));
    }

    private static bool TryReadOrder(JsonElement root, SimulatedExchange exchange, out OrderRequest order, out string problem)
    {
        order = null!;
        if (Text(root, "category") != "linear")
        {
            problem = "params error: category must be linear";
            return false;
        }

        if (!InstrumentSymbol.TryParse(Text(root, "symbol"), out var symbol) || !exchange.Knows(symbol))
        {
            problem = $"params error: symbol {Text(root, "symbol")} invalid";
            return false;
        }

        OrderSide? side = Text(root, "side") switch { "Buy" => OrderSide.Buy, "Sell" => OrderSide.Sell, _ => null };
        OrderType? type = Text(root, "orderType") switch { "Market" => OrderType.Market, "Limit" => OrderType.Limit, _ => null };
        if (side is null || type is null)
        {
            problem = "params error: side must be Buy or Sell and orderType Market or Limit";
            return false;
        }

        if (!decimal.TryParse(Text(root, "qty"), NumberStyles.Float, CultureInfo.InvariantCulture, out var quantity))
        {
            problem = "params error: qty must be a number in a string";
            return false;
        }

        decimal? price = null;
        if (Text(root, "price") is { Length: > 0 } priceText)
        {
            if (!decimal.TryParse(priceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedPrice))
            {
                problem = "params error: price must be a number in a string";
                return false;
            }

            price = parsedPrice;
        }

        TimeInForce? timeInForce = (Text(root, "timeInForce") ?? (type == OrderType.Market ? "IOC" : "GTC")) switch
        {
            "GTC" => TimeInForce.GoodTillCancel,
            "IOC" => TimeInForce.ImmediateOrCancel,
            "FOK" => TimeInForce.FillOrKill,
            "PostOnly" => TimeInForce.PostOnly,
            _ => null,
        };
        if (timeInForce is null)
        {
            problem = "params error: timeInForce must be GTC, IOC, FOK or PostOnly";
            return false;
        }

        var linkText = Text(root, "orderLinkId");
        if (!ClientOrderId.TryParse(linkText is { Length: > 0 } ? linkText : "sim-" + Guid.NewGuid().ToString("N")[..24], out var clientOrderId))
        {
            problem = "params error: orderLinkId must be 1-36 characters of letters, digits, '-' and '_'";
            return false;
        }

        var reduceOnly = root.TryGetProperty("reduceOnly", out var reduce) && reduce.ValueKind == JsonValueKind.True;
        order = new OrderRequest(clientOrderId, symbol, side.Value, type.Value, quantity, price, timeInForce.Value, reduceOnly);
        problem = "";
        return true;
    }

    private static string WireTimeInForce(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.FillOrKill => "FOK",
        TimeInForce.PostOnly => "PostOnly",
        _ => "GTC",
    };

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<V5Response<V5ExtraInfo>> Error(int retCode, string message, DateTimeOffset now) =>
        TypedResults.Ok(V5Response.Error(retCode, message, now));
}
