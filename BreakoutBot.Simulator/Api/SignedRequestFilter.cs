using System.Globalization;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Verifies Bybit V5 authentication on private endpoints the way the venue does: known key (10003), timestamp within
/// <c>server − recvWindow ≤ timestamp &lt; server + 1000</c> (10002), HMAC over timestamp + key + recvWindow + the
/// exact query string or body (10004). Failures are HTTP 200 envelopes, as on Bybit. Nothing secret is logged.
/// </summary>
public sealed class SignedRequestFilter(IOptions<SimulatorOptions> options, TimeProvider clock) : IEndpointFilter
{
    private const long DefaultRecvWindowMs = 5_000;
    private const long FutureToleranceMs = 1_000;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var now = clock.GetUtcNow();
        var key = request.Headers["X-BAPI-API-KEY"].ToString();
        var settings = options.Value;
        if (key.Length == 0 || !string.Equals(key, settings.ApiKey, StringComparison.Ordinal))
        {
            return Reject(10003, "API key is invalid.", now);
        }

        var recvWindowText = request.Headers["X-BAPI-RECV-WINDOW"].ToString();
        var recvWindow = DefaultRecvWindowMs;
        if (recvWindowText.Length > 0 && !long.TryParse(recvWindowText, NumberStyles.None, CultureInfo.InvariantCulture, out recvWindow))
        {
            return Reject(10001, "params error: X-BAPI-RECV-WINDOW must be a whole number of milliseconds", now);
        }

        if (!long.TryParse(request.Headers["X-BAPI-TIMESTAMP"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Reject(10002, "invalid request, please check your timestamp or recv_window param", now);
        }

        var serverMs = now.ToUnixTimeMilliseconds();
        if (timestamp < serverMs - recvWindow || timestamp >= serverMs + FutureToleranceMs)
        {
            return Reject(10002, $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{serverMs}],recv_window[{recvWindow}]", now);
        }

        string payload;
        if (HttpMethods.IsGet(request.Method))
        {
            payload = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        }
        else
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            payload = await reader.ReadToEndAsync(context.HttpContext.RequestAborted);
            request.Body.Position = 0;
        }

        // Sign with the window the client sent; leave it out only when the client did (Bybit's rule).
        var signed = recvWindowText.Length > 0
            ? RequestSigner.RestStringToSign(timestamp, key, recvWindow, payload)
            : string.Concat(timestamp.ToString(CultureInfo.InvariantCulture), key, payload);
        var expected = RequestSigner.Sign(settings.ApiSecret, signed);
        if (!RequestSigner.Matches(expected, request.Headers["X-BAPI-SIGN"].ToString()))
        {
            return Reject(10004, "error sign! please check your signature generation algorithm", now);
        }

        return await next(context);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<V5Response<V5ExtraInfo>> Reject(int retCode, string message, DateTimeOffset now) =>
        TypedResults.Ok(V5Response.Error(retCode, message, now));
}
