using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary><c>GET /v5/position/list</c> of the simulated account (signed, one-way mode: <c>positionIdx</c> 0).</summary>
public static class PositionApi
{
    public static IEndpointRouteBuilder MapPositionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v5/position").AddEndpointFilter<SignedRequestFilter>().MapGet("/list", GetPositions);
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
                };
            })
            .ToList());
        return TypedResults.Ok(V5Response.Ok(new { category = "linear", list, nextPageCursor = "" }, now));
    }
}
