using System.Text.Json;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// The account's position mode and margin mode (signed). The simulated account trades one-way mode with regular (cross)
/// margin: asking for those answers as Bybit does when nothing changes; asking for hedge mode, isolated or portfolio
/// margin is refused with a message that says so, never accepted and ignored.
/// </summary>
public static class AccountModeApi
{
    private const int ParameterError = 10001;
    private const int PositionModeNotModified = 110025;

    public static IEndpointRouteBuilder MapAccountModeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v5/position").AddEndpointFilter<SignedRequestFilter>().MapPost("/switch-mode", SwitchPositionMode);
        endpoints.MapGroup("/v5/account").AddEndpointFilter<SignedRequestFilter>().MapPost("/set-margin-mode", SetMarginMode);
        return endpoints;
    }

    public static async Task<IResult> SwitchPositionMode(HttpRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("category", out var category) || category.GetString() != "linear")
        {
            return Error(ParameterError, "params error: category must be linear", now);
        }

        var mode = root.TryGetProperty("mode", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : -1;
        return mode switch
        {
            0 => Error(PositionModeNotModified, "Position mode is not modified", now),
            3 => Error(ParameterError, "params error: hedge mode (3) is not offered by the simulated venue; it trades one-way mode (0)", now),
            _ => Error(ParameterError, "params error: mode must be 0 (one-way) or 3 (hedge)", now),
        };
    }

    public static async Task<IResult> SetMarginMode(HttpRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var mode = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("setMarginMode", out var value) ? value.GetString() : null;
        return mode switch
        {
            "REGULAR_MARGIN" => TypedResults.Ok(V5Response.Ok(new { reasons = Array.Empty<object>() }, now)),
            "ISOLATED_MARGIN" or "PORTFOLIO_MARGIN" => Error(ParameterError, $"params error: {mode} is not offered by the simulated venue; it trades REGULAR_MARGIN (cross)", now),
            _ => Error(ParameterError, "params error: setMarginMode must be REGULAR_MARGIN, ISOLATED_MARGIN or PORTFOLIO_MARGIN", now),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<V5Response<V5ExtraInfo>> Error(int retCode, string message, DateTimeOffset now) => TypedResults.Ok(V5Response.Error(retCode, message, now));
}
