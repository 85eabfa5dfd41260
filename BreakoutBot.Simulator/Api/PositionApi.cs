using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Position endpoints of the simulated account (signed, one-way mode: <c>positionIdx</c> 0): list, set-leverage and
/// trading-stop (the position's TP/SL, which the venue then executes with a reduce-only market order when crossed).
/// </summary>
public static class PositionApi
{
    public static IEndpointRouteBuilder MapPositionApi(this IEndpointRouteBuilder endpoints)
    {
        var positions = endpoints.MapGroup("/v5/position").AddEndpointFilter<SignedRequestFilter>();
        positions.MapGet("/list", GetPositions);
        positions.MapPost("/set-leverage", SetLeverage);
        positions.MapPost("/trading-stop", SetTradingStop);
        return endpoints;
    }

    public static IResult GetPositions(SimulatedExchange exchange, TimeProvider clock, string? category, string? symbol)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        var list = exchange.ReadAccount(ledger => ledger.Positions
            .Where(position => symbol is null || position.Symbol.Value == symbol)
            .Select(position =>
            {
                var mark = ledger.MarkPriceOf(position.Symbol) ?? position.AverageEntryPrice;
                var stops = exchange.StopsOf(position.Symbol);
                return new
                {
                    positionIdx = 0,
                    symbol = position.Symbol.Value,
                    side = position.Direction == PositionDirection.Long ? "Buy" : "Sell",
                    size = Wire.Number(position.Quantity),
                    avgPrice = Wire.Number(position.AverageEntryPrice),
                    positionValue = Wire.Number(position.ValueAt(mark)),
                    markPrice = Wire.Number(mark),
                    unrealisedPnl = Wire.Number(position.UnrealisedPnlAt(mark)),
                    cumRealisedPnl = Wire.Number(position.RealisedPnl),
                    leverage = Wire.Number(ledger.LeverageOf(position.Symbol)),
                    takeProfit = stops?.TakeProfit is { } takeProfit ? Wire.Number(takeProfit) : "0",
                    stopLoss = stops?.StopLoss is { } stopLoss ? Wire.Number(stopLoss) : "0",
                    tpslMode = "Full",
                    positionStatus = "Normal",
                };
            })
            .ToList());
        return TypedResults.Ok(V5Response.Ok(new { category = "linear", list, nextPageCursor = "" }, now));
    }

    public static async Task<IResult> SetLeverage(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (!TryCommon(root, exchange, out var symbol, out var problem))
        {
            return Error(10001, problem, now);
        }

        if (!TryNumber(root, "buyLeverage", out var buy) || !TryNumber(root, "sellLeverage", out var sell) || buy is null || sell is null)
        {
            return Error(10001, "params error: buyLeverage and sellLeverage are required numbers in strings", now);
        }

        if (buy != sell)
        {
            return Error(10001, "params error: buy leverage must equal sell leverage in one-way mode", now);
        }

        return exchange.SetLeverage(symbol, buy.Value) is { } refusal
            ? Error(refusal.RetCode, refusal.Message, now)
            : TypedResults.Ok(V5Response.Ok(V5ExtraInfo.Empty, now));
    }

    public static async Task<IResult> SetTradingStop(HttpRequest request, SimulatedExchange exchange, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchange);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (!TryCommon(root, exchange, out var symbol, out var problem))
        {
            return Error(10001, problem, now);
        }

        var mode = Text(root, "tpslMode") ?? "Full";
        if (mode is not ("Full" or "Partial"))
        {
            return Error(10001, "params error: tpslMode must be Full or Partial", now);
        }

        if (!TryNumber(root, "takeProfit", out var takeProfit) || !TryNumber(root, "stopLoss", out var stopLoss))
        {
            return Error(10001, "params error: takeProfit and stopLoss must be numbers in strings", now);
        }

        if (takeProfit is null && stopLoss is null)
        {
            return Error(10001, "params error: takeProfit or stopLoss is required", now);
        }

        // Bybit's default trigger for position TP/SL is the last price.
        var triggerBy = Text(root, "slTriggerBy") ?? Text(root, "tpTriggerBy") ?? "LastPrice";
        TriggerSource? source = triggerBy switch
        {
            "LastPrice" => TriggerSource.LastPrice,
            "MarkPrice" => TriggerSource.MarkPrice,
            "IndexPrice" => TriggerSource.IndexPrice,
            _ => null,
        };
        if (source is null)
        {
            return Error(10001, "params error: slTriggerBy/tpTriggerBy must be LastPrice, MarkPrice or IndexPrice", now);
        }

        if (mode == "Partial")
        {
            if (!TryNumber(root, "tpSize", out var takeProfitSize) || !TryNumber(root, "slSize", out var stopLossSize)
                || (takeProfit is not null && takeProfitSize is null) || (stopLoss is not null && stopLossSize is null))
            {
                return Error(10001, "params error: tpslMode Partial needs tpSize with takeProfit and slSize with stopLoss (numbers in strings)", now);
            }

            return exchange.SetPartialTradingStop(symbol, takeProfit, takeProfitSize, stopLoss, stopLossSize, source.Value) is { } partialRefusal
                ? Error(partialRefusal.RetCode, partialRefusal.Message, now)
                : TypedResults.Ok(V5Response.Ok(V5ExtraInfo.Empty, now));
        }

        return exchange.SetTradingStop(symbol, takeProfit, stopLoss, source.Value) is { } refusal
            ? Error(refusal.RetCode, refusal.Message, now)
            : TypedResults.Ok(V5Response.Ok(V5ExtraInfo.Empty, now));
    }

    private static bool TryCommon(JsonElement root, SimulatedExchange exchange, out InstrumentSymbol symbol, out string problem)
    {
        problem = "";
        if (Text(root, "category") != "linear")
        {
            problem = "params error: category must be linear";
            symbol = default;
            return false;
        }

        if (!InstrumentSymbol.TryParse(Text(root, "symbol"), out symbol) || !exchange.Knows(symbol))
        {
            problem = $"params error: symbol {Text(root, "symbol")} invalid";
            return false;
        }

        return true;
    }

    private static bool TryNumber(JsonElement root, string property, out decimal? value)
    {
        value = null;
        if (Text(root, property) is not { Length: > 0 } text)
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<V5Response<V5ExtraInfo>> Error(int retCode, string message, DateTimeOffset now) =>
        TypedResults.Ok(V5Response.Error(retCode, message, now));
}
