using Microsoft.AspNetCore.Http.HttpResults;

namespace BreakoutBot.Simulator.Api;

/// <summary>The Bybit V5 market-data endpoints the simulator serves (paths as on the real venue).</summary>
public static class MarketApi
{
    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder endpoints)
    {
        var market = endpoints.MapGroup("/v5/market");
        market.MapGet("/time", GetServerTime);
        return endpoints;
    }

    public static Ok<V5Response<ServerTimeResult>> GetServerTime(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(V5Response.Ok(ServerTimeResult.At(now), now));
    }
}
