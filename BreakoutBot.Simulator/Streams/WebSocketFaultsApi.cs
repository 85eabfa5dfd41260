using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// Fault injection for the WebSocket streams (tests only: mapped when <see cref="SimulatorStreamOptions.FaultsEnabled"/>
/// allows it, never in Production by default). <c>POST /sim/faults/ws-drop</c> cuts every connection,
/// <c>ws-delay?ms=</c> holds every frame back (0 clears), <c>ws-inject?topic=&amp;kind=truncated|unknown-enum|missing-field</c>
/// sends a malformed push to a topic's subscribers, <c>ws-book-gap?symbol=</c> makes the next book delta skip an update id.
/// </summary>
public static class WebSocketFaultsApi
{
    public static IEndpointRouteBuilder MapWebSocketFaultsApi(this IEndpointRouteBuilder endpoints)
    {
        var faults = endpoints.MapGroup("/sim/faults");
        faults.MapPost("/ws-drop", Drop);
        faults.MapPost("/ws-delay", Delay);
        faults.MapPost("/ws-inject", Inject);
        faults.MapPost("/ws-book-gap", BookGap);
        return endpoints;
    }

    internal static Ok<FaultResult> Drop(StreamConnectionRegistry registry, ILoggerFactory loggers)
    {
        var dropped = registry.AbortAll();
        Log.StreamFault(loggers.CreateLogger(typeof(WebSocketFaultsApi)), $"dropped {dropped} connection(s)");
        return TypedResults.Ok(new FaultResult(dropped));
    }

    internal static Results<Ok<FaultResult>, BadRequest<string>> Delay(WebSocketFaults faults, ILoggerFactory loggers, int ms)
    {
        if (ms is < 0 or > 600_000)
        {
            return TypedResults.BadRequest("ms must be within [0, 600000]");
        }

        faults.PushDelay = ms == 0 ? null : TimeSpan.FromMilliseconds(ms);
        Log.StreamFault(loggers.CreateLogger(typeof(WebSocketFaultsApi)), $"push delay {ms} ms");
        return TypedResults.Ok(new FaultResult(ms));
    }

    internal static Results<Ok<FaultResult>, BadRequest<string>> Inject(PublicStreamHub hub, TimeProvider clock, ILoggerFactory loggers, string topic, string kind)
    {
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var family = topic.Split('.')[0];
        var isArray = family is "kline" or "publicTrade";
        string? payload = kind switch
        {
            "truncated" => $$"""{"topic":"{{topic}}","type":"snapshot","ts":{{ts}},"data":[{"start":""",
            "missing-field" => isArray
                ? $$"""{"topic":"{{topic}}","type":"snapshot","ts":{{ts}},"data":[{}]}"""
                : $$$"""{"topic":"{{{topic}}}","type":"snapshot","ts":{{{ts}}},"data":{}}""",
            "unknown-enum" => family switch
            {
                "publicTrade" => $$"""{"topic":"{{topic}}","type":"snapshot","ts":{{ts}},"data":[{"T":{{ts}},"s":"{{topic.Split('.')[^1]}}","S":"Sideways","v":"1","p":"1","L":"PlusTick","i":"bad-1","BT":false}]}""",
                "kline" => $$"""{"topic":"{{topic}}","type":"snapshot","ts":{{ts}},"data":[{"start":{{ts}},"end":{{ts}},"interval":"5","open":"1","close":"1","high":"1","low":"1","volume":"1","turnover":"1","confirm":"maybe","timestamp":{{ts}}}]}""",
                _ => $$$"""{"topic":"{{{topic}}}","type":"sideways","ts":{{{ts}}},"data":{}}""",
            },
            _ => null,
        };
        if (payload is null)
        {
            return TypedResults.BadRequest("kind must be truncated, unknown-enum or missing-field");
        }

        var delivered = hub.Inject(topic, Encoding.UTF8.GetBytes(payload));
        Log.StreamFault(loggers.CreateLogger(typeof(WebSocketFaultsApi)), $"{kind} payload on {topic} to {delivered} connection(s)");
        return TypedResults.Ok(new FaultResult(delivered));
    }

    internal static Ok<FaultResult> BookGap(WebSocketFaults faults, ILoggerFactory loggers, string symbol)
    {
        faults.RequestBookGap(symbol);
        Log.StreamFault(loggers.CreateLogger(typeof(WebSocketFaultsApi)), $"next order book delta of {symbol} skips an update id");
        return TypedResults.Ok(new FaultResult(1));
    }
}
