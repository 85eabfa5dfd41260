using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Bybit V5 order endpoints of the simulated venue (signed): create (plain and conditional), amend, cancel, cancel-all,
/// realtime, history, and the execution list. Bodies are read as Bybit sends them (numbers as strings); a request the
/// venue would refuse gets the venue's retCode and nothing is created or changed.
/// </summary>
public static class OrderApi
{
    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/v5/order").AddEndpointFilter<SignedRequestFilter>();
        orders.MapPost("/create", CreateOrder);
        orders.MapPost("/amend", AmendOrder);
        orders.MapPost("/cancel", CancelOrder);
        orders.MapPost("/cancel-all", CancelAllOrders);
        orders.MapGet("/realtime", GetOrders);
        orders.MapGet("/history", GetOrderHistory);
        endpoints.MapGroup("/v5/execution").AddEndpointFilter<SignedRequestFilter>().MapGet("/list", GetExecutions);
        return endpoints;
    }

    public static async Task<IResult> CreateOrder(HttpRequest request, SimulatedExchange exchange, IMarketSource market, FaultInjector faults, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(market);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        // Paper mode: the symbol's upstream book must be here before the order meets it, and stay until it has.
        using var lease = InstrumentSymbol.TryParse(Text(body.RootElement, "symbol"), out var symbol)
            ? await market.PrepareAsync(symbol, request.HttpContext.RequestAborted)
            : null;

        if (!TryReadOrder(body.RootElement, exchange, out var order, out var problem))
        {
            return Error(10001, problem, now);
        }

        // Order-path faults (only ever set where fault injection is enabled): refusals, thin books, venue cancels.
        var fault = faults.DecideOrder(order);
        if (fault is OrderFault.Refuse refused)
        {
            return Error(refused.RetCode, refused.Message, now);
        }

        var result = exchange.Submit(order, (fault as OrderFault.PartialFill)?.Share);
        if (result.Rejection is { } rejection)
        {
            return Error(rejection.BybitRetCode, rejection.Message, now);
        }

        faults.Created(result.Order!.OrderId, clock.GetTimestamp(), clock);
        if (fault is OrderFault.CancelAfterAccept)
        {
            exchange.Cancel(order.Symbol, order.ClientOrderId, OrderCancelReason.ByVenue);
        }

        return TypedResults.Ok(V5Response.Ok(new { orderId = result.Order!.OrderId, orderLinkId = VenueOrderIds.Wire(result.Order.ClientOrderId) }, now));
    }

    public static async Task<IResult> AmendOrder(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (!TryReadTarget(root, exchange, out var symbol, out var clientOrderId, out var refusal))
        {
            return Error(refusal.RetCode, refusal.Message, now);
        }

        if (!TryDecimal(root, "qty", out var quantity) || !TryDecimal(root, "price", out var price) || !TryDecimal(root, "triggerPrice", out var triggerPrice))
        {
            return Error(10001, "params error: qty, price and triggerPrice must be numbers in strings", now);
        }

        if (quantity is null && price is null && triggerPrice is null)
        {
            return Error(10001, "params error: nothing to amend", now);
        }

        var result = exchange.Amend(symbol, new OrderAmendment(clientOrderId, quantity, price, triggerPrice));
        return result.Rejection is { } rejection
            ? Error(rejection.BybitRetCode, rejection.Message, now)
            : TypedResults.Ok(V5Response.Ok(new { orderId = result.Order!.OrderId, orderLinkId = VenueOrderIds.Wire(clientOrderId) }, now));
    }

    public static async Task<IResult> CancelOrder(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        if (!TryReadTarget(body.RootElement, exchange, out var symbol, out var clientOrderId, out var refusal))
        {
            return Error(refusal.RetCode, refusal.Message, now);
        }

        var result = exchange.Cancel(symbol, clientOrderId);
        return result.Rejection is { } rejection
            ? Error(rejection.BybitRetCode, rejection.Message, now)
            : TypedResults.Ok(V5Response.Ok(new { orderId = result.Order!.OrderId, orderLinkId = VenueOrderIds.Wire(clientOrderId) }, now));
    }

    public static async Task<IResult> CancelAllOrders(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (Text(root, "category") != "linear")
        {
            return Error(10001, "params error: category must be linear", now);
        }

        if (!TryScope(exchange, Text(root, "symbol"), Text(root, "baseCoin"), Text(root, "settleCoin"), out var symbol, out var problem))
        {
            return Error(10001, problem, now);
        }

        var list = exchange.CancelAll(symbol).Select(order => new { orderId = order.OrderId, orderLinkId = VenueOrderIds.Wire(order.ClientOrderId) }).ToList();
        return TypedResults.Ok(V5Response.Ok(new { list, success = "1" }, now));
    }

    /// <summary>Open orders; with orderId or orderLinkId also a closed one, as Bybit does for recent orders.</summary>
    public static IResult GetOrders(
        SimulatedExchange exchange, FaultInjector faults, TimeProvider clock, string? category, string? symbol, string? baseCoin, string? settleCoin, string? orderId, string? orderLinkId, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        if (category != "linear")
        {
            return Error(10001, "params error: category must be linear", now);
        }

        if (!TryScope(exchange, symbol, baseCoin, settleCoin, out var scope, out var problem))
        {
            return Error(10001, problem, now);
        }

        var byId = !string.IsNullOrEmpty(orderId) || !string.IsNullOrEmpty(orderLinkId);
        var timestamp = clock.GetTimestamp();
        var orders = (byId ? exchange.OrderHistory(scope) : exchange.OpenOrders(scope))
            .Where(order => (orderId is null || order.State.OrderId == orderId) && (string.IsNullOrEmpty(orderLinkId) || order.State.ClientOrderId.Value == orderLinkId))
            .Where(order => !faults.IsHidden(order.State.OrderId, timestamp))
            .ToList();
        return OrderPage(orders, limit, cursor, now);
    }

    public static IResult GetOrderHistory(SimulatedExchange exchange, FaultInjector faults, TimeProvider clock, string? category, string? symbol, string? orderId, string? orderLinkId, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        if (category != "linear")
        {
            return Error(10001, "params error: category must be linear", now);
        }

        InstrumentSymbol? scope = null;
        if (symbol is not null)
        {
            if (!InstrumentSymbol.TryParse(symbol, out var parsed) || !exchange.Knows(parsed))
            {
                return Error(10001, $"params error: symbol {symbol} invalid", now);
            }

            scope = parsed;
        }

        var timestamp = clock.GetTimestamp();
        var orders = exchange.OrderHistory(scope)
            .Where(order => (orderId is null || order.State.OrderId == orderId) && (string.IsNullOrEmpty(orderLinkId) || order.State.ClientOrderId.Value == orderLinkId))
            .Where(order => !faults.IsHidden(order.State.OrderId, timestamp))
            .ToList();
        return OrderPage(orders, limit, cursor, now);
    }

    public static IResult GetExecutions(SimulatedExchange exchange, TimeProvider clock, string? category, string? symbol, string? orderId, string? orderLinkId, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        if (category != "linear")
        {
            return Error(10001, "params error: category must be linear", now);
        }

        InstrumentSymbol? scope = null;
        if (symbol is not null)
        {
            if (!InstrumentSymbol.TryParse(symbol, out var parsed) || !exchange.Knows(parsed))
            {
                return Error(10001, $"params error: symbol {symbol} invalid", now);
            }

            scope = parsed;
        }

        var executions = exchange.Executions(scope)
            .Where(execution => (orderId is null || execution.Fill.OrderId == orderId) && (string.IsNullOrEmpty(orderLinkId) || execution.ClientOrderId.Value == orderLinkId))
            .ToList();
        if (!Paging.TryPage(executions, limit, cursor, 50, 100, out var page, out var next, out var problem))
        {
            return Error(10001, problem, now);
        }

        return TypedResults.Ok(V5Response.Ok(new { category = "linear", list = page.Select(OrderWire.Execution).ToList(), nextPageCursor = next }, now));
    }

    private static IResult OrderPage(List<SimulatedOrder> orders, int? limit, string? cursor, DateTimeOffset now)
    {
        if (!Paging.TryPage(orders, limit, cursor, 20, 50, out var page, out var next, out var problem))
        {
            return Error(10001, problem, now);
        }

        return TypedResults.Ok(V5Response.Ok(new { category = "linear", list = page.Select(OrderWire.Order).ToList(), nextPageCursor = next }, now));
    }

    /// <summary>Linear list endpoints need one of symbol, baseCoin or settleCoin (USDT here); null symbol = all symbols.</summary>
    private static bool TryScope(SimulatedExchange exchange, string? symbol, string? baseCoin, string? settleCoin, out InstrumentSymbol? scope, out string problem)
    {
        scope = null;
        problem = "";
        if (symbol is not null)
        {
            if (!InstrumentSymbol.TryParse(symbol, out var parsed) || !exchange.Knows(parsed))
            {
                problem = $"params error: symbol {symbol} invalid";
                return false;
            }

            scope = parsed;
            return true;
        }

        if (settleCoin is "USDT" || baseCoin is { Length: > 0 })
        {
            return true;
        }

        problem = "params error: symbol, baseCoin or settleCoin is required for linear";
        return false;
    }

    /// <summary>The order a cancel or amend names: by orderId (which wins) or by orderLinkId.</summary>
    private static bool TryReadTarget(JsonElement root, SimulatedExchange exchange, out InstrumentSymbol symbol, out ClientOrderId clientOrderId, out VenueRefusal refusal)
    {
        clientOrderId = default;
        refusal = new VenueRefusal(0, "");
        if (Text(root, "category") != "linear")
        {
            refusal = new VenueRefusal(10001, "params error: category must be linear");
            symbol = default;
            return false;
        }

        if (!InstrumentSymbol.TryParse(Text(root, "symbol"), out symbol) || !exchange.Knows(symbol))
        {
            refusal = new VenueRefusal(10001, $"params error: symbol {Text(root, "symbol")} invalid");
            return false;
        }

        if (Text(root, "orderId") is { Length: > 0 } orderId)
        {
            var found = exchange.OrderHistory(symbol).FirstOrDefault(order => order.State.OrderId == orderId);
            if (found is null)
            {
                refusal = new VenueRefusal(110001, "order not exists or too late to cancel");
                return false;
            }

            clientOrderId = found.State.ClientOrderId;
            return true;
        }

        if (!ClientOrderId.TryParse(Text(root, "orderLinkId"), out clientOrderId))
        {
            refusal = new VenueRefusal(10001, "params error: orderId or orderLinkId is required");
            return false;
        }

        return true;
    }

    private static bool TryDecimal(JsonElement root, string property, out decimal? value)
    {
        value = null;
        if (Text(root, property) is not { Length: > 0 } text)
        {
            return !root.TryGetProperty(property, out var present) || present.ValueKind is JsonValueKind.Null or JsonValueKind.String;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
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
        if (linkText is { } named && VenueOrderIds.IsReserved(named))
        {
            problem = $"params error: orderLinkId may not start with '{VenueOrderIds.Prefix}', which the simulated venue keeps for orders it names";
            return false;
        }

        var clientOrderId = VenueOrderIds.New("order");
        if (linkText is { Length: > 0 } && !ClientOrderId.TryParse(linkText, out clientOrderId))
        {
            problem = "params error: orderLinkId must be 1-36 characters of letters, digits, '-' and '_'";
            return false;
        }

        // closeOnTrigger orders only ever close (Bybit makes them reduce-only).
        var reduceOnly = (root.TryGetProperty("reduceOnly", out var reduce) && reduce.ValueKind == JsonValueKind.True)
            || (root.TryGetProperty("closeOnTrigger", out var close) && close.ValueKind == JsonValueKind.True);
        if (Text(root, "takeProfit") is { Length: > 0 } || Text(root, "stopLoss") is { Length: > 0 })
        {
            // Refused rather than accepted and ignored: an order the caller believes protected must not be unprotected.
            problem = "params error: takeProfit/stopLoss attached to an order are not offered by the simulated venue; set them on the position with /v5/position/trading-stop, or place a reduce-only conditional order";
            return false;
        }

        if (!TryReadTrigger(root, out var trigger, out problem))
        {
            return false;
        }

        order = new OrderRequest(clientOrderId, symbol, side.Value, type.Value, quantity, price, timeInForce.Value, reduceOnly, trigger);
        problem = "";
        return true;
    }

    /// <summary>triggerPrice + triggerDirection (1 rises to, 2 falls to) + triggerBy make a conditional order.</summary>
    private static bool TryReadTrigger(JsonElement root, out OrderTrigger? trigger, out string problem)
    {
        trigger = null;
        problem = "";
        if (!TryDecimal(root, "triggerPrice", out var triggerPrice))
        {
            problem = "params error: triggerPrice must be a number in a string";
            return false;
        }

        if (triggerPrice is not { } price || price == 0)
        {
            return true;
        }

        var direction = root.TryGetProperty("triggerDirection", out var directionElement) && directionElement.ValueKind == JsonValueKind.Number && directionElement.TryGetInt32(out var code)
            ? code
            : 0;
        if (direction is not (1 or 2))
        {
            problem = "params error: triggerDirection must be 1 (rises to) or 2 (falls to) for a conditional order";
            return false;
        }

        TriggerSource? source = (Text(root, "triggerBy") ?? "LastPrice") switch
        {
            "LastPrice" => TriggerSource.LastPrice,
            "MarkPrice" => TriggerSource.MarkPrice,
            "IndexPrice" => TriggerSource.IndexPrice,
            _ => null,
        };
        if (source is null)
        {
            problem = "params error: triggerBy must be LastPrice, MarkPrice or IndexPrice";
            return false;
        }

        trigger = new OrderTrigger(price, (TriggerDirection)direction, source.Value);
        return true;
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<V5Response<V5ExtraInfo>> Error(int retCode, string message, DateTimeOffset now) =>
        TypedResults.Ok(V5Response.Error(retCode, message, now));
}
