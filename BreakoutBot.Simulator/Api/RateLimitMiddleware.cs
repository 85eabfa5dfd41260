using System.Globalization;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Api;

/// <summary>Sends <c>X-Bapi-Limit*</c> on private endpoints and answers 10006 over the limit.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, AccountRateLimiter limiter, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "";
        var apiKey = context.Request.Headers["X-BAPI-API-KEY"].ToString();
        if (!options.Value.Enabled || apiKey.Length == 0 || AccountRateLimiter.LimitOf(path) is null)
        {
            await next(context);
            return;
        }

        var verdict = limiter.Count(apiKey, path);
        var headers = context.Response.Headers;
        headers[RateLimitHeaders.Limit] = verdict.Limit.ToString(CultureInfo.InvariantCulture);
        headers[RateLimitHeaders.Status] = verdict.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[RateLimitHeaders.ResetTimestamp] = verdict.ResetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (!verdict.Allowed)
        {
            await context.Response.WriteAsJsonAsync(V5Response.Error(10006, "Too many visits!", clock.GetUtcNow()), context.RequestAborted);
            return;
        }

        await next(context);
    }
}
