using System.Diagnostics;
using System.Text.Json;
using BreakoutBot.IntegrationTests.Web;

namespace BreakoutBot.IntegrationTests;

public class WebTests(DistributedAppFixture fixture)
{
    private static readonly TimeSpan TelemetryWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task About_RendersApiInfoFetchedThroughServiceDiscovery()
    {
        using var client = await ConsoleSession.SignInAsync(fixture);

        var html = await client.GetStringAsync(new Uri("/about", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("""<dd data-testid="info-name">BreakoutBot</dd>""", html, StringComparison.Ordinal);
        Assert.Contains("""<dd data-testid="info-trading-mode">sim</dd>""", html, StringComparison.Ordinal);
        Assert.Contains("""<dd data-testid="info-infrastructure-mode">Local</dd>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shell_HasNavigationToAbout()
    {
        using var client = await ConsoleSession.SignInAsync(fixture);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<nav", html, StringComparison.Ordinal);
        Assert.Contains("href=\"about\"", html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_OneTraceSpansWebAndApi_VisibleInDashboard()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var client = await ConsoleSession.SignInAsync(fixture))
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/about", UriKind.Relative)))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request, cancellation);
            response.EnsureSuccessStatusCode();
        }

        using var dashboard = new HttpClient { BaseAddress = fixture.DashboardUrl };
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<TraceSpan> spans = [];
        while (deadline.Elapsed < TelemetryWait)
        {
            spans = await ReadSpansAsync(dashboard, traceId, cancellation);
            if (spans.Any(IsWebAboutRequest) && spans.Any(IsApiInfoRequest))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }

        Assert.Contains(spans, IsWebAboutRequest);
        Assert.Contains(spans, IsApiInfoRequest);
        Assert.Contains(spans, span => span.Scope == "System.Net.Http" && span.Attributes.GetValueOrDefault("url.full", "").EndsWith("/api/info", StringComparison.Ordinal));
    }

    private static bool IsWebAboutRequest(TraceSpan span) =>
        span.Kind == ServerKind && span.Attributes.GetValueOrDefault("url.path") == "/about";

    private static bool IsApiInfoRequest(TraceSpan span) =>
        span.Kind == ServerKind && span.Attributes.GetValueOrDefault("url.path") == "/api/info";

    private const int ServerKind = 2;

    private static async Task<IReadOnlyList<TraceSpan>> ReadSpansAsync(HttpClient dashboard, string traceId, CancellationToken cancellation)
    {
        using var response = await dashboard.GetAsync(new Uri("/api/telemetry/traces", UriKind.Relative), cancellation);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellation), cancellationToken: cancellation);
        var spans = new List<TraceSpan>();
        foreach (var resourceSpans in document.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpans.GetProperty("scope").GetProperty("name").GetString() ?? "";
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    if (span.GetProperty("traceId").GetString() != traceId)
                    {
                        continue;
                    }

                    var attributes = new Dictionary<string, string>();
                    if (span.TryGetProperty("attributes", out var attributeArray))
                    {
                        foreach (var attribute in attributeArray.EnumerateArray())
                        {
                            if (attribute.GetProperty("value").TryGetProperty("stringValue", out var value))
                            {
                                attributes[attribute.GetProperty("key").GetString()!] = value.GetString() ?? "";
                            }
                        }
                    }

                    spans.Add(new TraceSpan(scope, span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0, attributes));
                }
            }
        }

        return spans;
    }

    private sealed record TraceSpan(string Scope, int Kind, Dictionary<string, string> Attributes);
}
