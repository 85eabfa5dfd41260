using Microsoft.Extensions.Logging;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>
/// The innermost Bybit handler: waits for the endpoint's rate limit, signs the request afresh, sends it, and reads the
/// response head (retCode, server time, limit headers) once for the limiter and the retry handler above it.
/// </summary>
public sealed class BybitRateLimitHandler(BybitRateLimiter limiter, BybitOptions options, TimeProvider clock, ILogger<BybitRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.RequestUri?.AbsolutePath ?? "";
        var wait = limiter.ReserveTurn(endpoint, options.MaxRateLimitWait);
        if (wait > TimeSpan.Zero)
        {
            Log.WaitingForRateLimit(logger, endpoint, wait.TotalMilliseconds);
            await Task.Delay(wait, clock, cancellationToken);
        }

        if (request.Options.TryGetValue(BybitRequestOptions.Resign, out var resign))
        {
            resign(request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var head = ResponseHead.Read(response.Headers, body);
            request.Options.Set(BybitRequestOptions.Response, head);
            limiter.Observe(endpoint, head);
        }

        return response;
    }
}
