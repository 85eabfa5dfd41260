using System.Globalization;
using System.Net;
using System.Text;

namespace BreakoutBot.Bybit.Tests.Resilience;

/// <summary>A venue stand-in: answers each request with the next scripted answer (the last one repeats) and records what it saw.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, string? Timestamp)> _seen = [];

    public IReadOnlyList<(HttpMethod Method, string Path, string? Timestamp)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Ok(string result = "{}", long time = 1_700_000_000_000) =>
        Json($$"""{"retCode":0,"retMsg":"OK","result":{{result}},"retExtInfo":{},"time":{{time.ToString(CultureInfo.InvariantCulture)}}}""");

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> RetCode(int retCode, long time = 1_700_000_000_000, params (string Name, string Value)[] headers) =>
        Json($$"""{"retCode":{{retCode.ToString(CultureInfo.InvariantCulture)}},"retMsg":"refused","result":{},"retExtInfo":{},"time":{{time.ToString(CultureInfo.InvariantCulture)}}}""", HttpStatusCode.OK, headers);

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("upstream trouble") });

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int index;
        lock (_seen)
        {
            index = _seen.Count;
            _seen.Add((request.Method, request.RequestUri!.AbsolutePath, request.Headers.TryGetValues("X-BAPI-TIMESTAMP", out var values) ? values.First() : null));
        }

        return script[Math.Min(index, script.Length - 1)](request, cancellationToken);
    }
}
