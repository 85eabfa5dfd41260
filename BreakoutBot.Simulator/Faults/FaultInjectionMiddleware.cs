using System.Globalization;
using BreakoutBot.Simulator.Api;

namespace BreakoutBot.Simulator.Faults;

/// <summary>Applies the <see cref="FaultInjector"/>'s decision to each request (registered only when faults are enabled).</summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var decision = injector.Decide(context.Request.Method, context.Request.Path.Value ?? "");
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, clock, context.RequestAborted);
        }

        switch (decision.Kind)
        {
            case FaultKind.RateLimited:
                await WriteRateLimitedAsync(context, decision.Settings);
                return;
            case FaultKind.ServerError:
                context.Response.StatusCode = decision.Settings.ServerErrorStatus;
                await context.Response.WriteAsync("injected server error", context.RequestAborted);
                return;
            case FaultKind.LoseAck:
                await LoseAckAsync(context, decision.Settings.LostAckMode);
                return;
            default:
                if (decision.Settings.AnswerDelayMs > 0)
                {
                    await HoldAnswerAsync(context, TimeSpan.FromMilliseconds(decision.Settings.AnswerDelayMs));
                    return;
                }

                await next(context);
                return;
        }
    }

    private async Task WriteRateLimitedAsync(HttpContext context, FaultSettings settings)
    {
        var now = clock.GetUtcNow();
        var headers = context.Response.Headers;
        headers[RateLimitHeaders.Limit] = "10";
        headers[RateLimitHeaders.Status] = "0";
        headers[RateLimitHeaders.ResetTimestamp] = (now.ToUnixTimeMilliseconds() + settings.RateLimitResetMs).ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(V5Response.Error(10006, "Too many visits!", now), context.RequestAborted);
    }

    /// <summary>Lets the venue handle the request, then keeps its (buffered) answer back for <paramref name="hold"/>.</summary>
    private async Task HoldAnswerAsync(HttpContext context, TimeSpan hold)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        await Task.Delay(hold, clock, context.RequestAborted);
        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Lets the venue handle the create (so the order exists), then throws the answer away.</summary>
    private async Task LoseAckAsync(HttpContext context, LostAckMode mode)
    {
        var original = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (mode == LostAckMode.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
        await context.Response.WriteAsync("injected: the order was accepted but its ack was lost", context.RequestAborted);
    }
}
