using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Api;

/// <summary>Holds each order-path request for the latency model's delay before the venue handles it.</summary>
public sealed class LatencyMiddleware(RequestDelegate next, LatencyModel latency, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/v5/order/", StringComparison.Ordinal) || path.StartsWith("/v5/position/", StringComparison.Ordinal))
        {
            var delay = latency.NextOrderDelay();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, context.RequestAborted);
            }
        }

        await next(context);
    }
}
