using System.Net;
using BreakoutBot.Bybit.Rest;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>
/// Back-off for Bybit requests (Polly): retries on retCode 10006 (waiting until X-Bapi-Limit-Reset-Timestamp), HTTP 403
/// and 429 (refused, so always safe), and — unless the request is an order create — on 5xx, server-side failure
/// retCodes (10000, 10016, 110079), connection failures and attempt timeouts. An order create whose outcome is unknown
/// is never sent again from here: <see cref="BybitPrivateClient.PlaceOrderOnceAsync"/> looks its orderLinkId up first.
/// Time and jitter are injected, and the caller's cancellation ends waits and attempts at once.
/// </summary>
public sealed class BybitRetryHandler : DelegatingHandler
{
    public const string OrderCreatePath = "/v5/order/create";

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("BreakoutBot.Bybit.Request");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger<BybitRetryHandler> _logger;

    public BybitRetryHandler(BybitOptions options, TimeProvider clock, RetryJitter jitter, ILogger<BybitRetryHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(jitter);
        _logger = logger;
        var maxRateLimitWait = options.MaxRateLimitWait;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                Randomizer = jitter.NextDouble,
                ShouldHandle = args => ValueTask.FromResult(ReasonToRetry(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome) is not null),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome, maxRateLimitWait)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    Log.Retrying(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", ReasonToRetry(request, args.Outcome) ?? "", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Whether the request may be sent again whatever happened to it: everything except an order create.</summary>
    public static bool IsIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method != HttpMethod.Post || !string.Equals(request.RequestUri?.AbsolutePath, OrderCreatePath, StringComparison.Ordinal);
    }

    /// <summary>Why the outcome calls for another attempt, or null when it does not.</summary>
    public static string? ReasonToRetry(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idempotent = IsIdempotent(request);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                TimeoutRejectedException when idempotent => "attempt timed out",
                HttpRequestException when idempotent => "connection failed",
                _ => null,
            };
        }

        var response = outcome.Result!;
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            return $"HTTP {(int)response.StatusCode} (refused)";
        }

        if ((int)response.StatusCode >= 500)
        {
            return idempotent ? $"HTTP {(int)response.StatusCode}" : null;
        }

        var retCode = request.Options.TryGetValue(BybitRequestOptions.Response, out var head) ? head.RetCode : null;
        return retCode switch
        {
            BybitRetCodes.TooManyVisits => "retCode 10006 (rate limit)",
            { } code when BybitRetCodes.IsServerSideFailure(code) && idempotent => $"retCode {code}",
            _ => null,
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (attemptContext, state) =>
                {
                    state.Request.Options.Remove(BybitRequestOptions.Response.Key, out _);
                    return await state.Handler.SendAttemptAsync(state.Request, attemptContext.CancellationToken);
                },
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>After a 10006, the venue says when the window resets: wait exactly that (measured on its clock), no guessing.</summary>
    private static TimeSpan? RateLimitDelay(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, TimeSpan maxWait)
    {
        if (outcome.Result is null
            || !request.Options.TryGetValue(BybitRequestOptions.Response, out var head)
            || head.RetCode != BybitRetCodes.TooManyVisits
            || head.UntilReset is not { } untilReset)
        {
            return null;
        }

        return untilReset > maxWait ? maxWait : untilReset;
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
