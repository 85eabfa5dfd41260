using System.Net;
using System.Net.Http.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using Microsoft.AspNetCore.SignalR.Client;

namespace BreakoutBot.Api.Tests;

public sealed class SecurityTests(ApiFixture api)
{
    [Fact]
    public async Task MutatingEndpoint_WithoutKey_Is401ProblemAndSendsNothing()
    {
        using var client = api.Client();
        var before = api.Executor.Received.Count;

        using var response = await client.PostAsync("/api/engine/stop", null, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(before, api.Executor.Received.Count);
    }

    [Fact]
    public async Task MutatingEndpoint_WithUnknownKey_Is401()
    {
        using var client = api.Client("not-a-configured-key-0123456789");

        using var response = await client.PostAsJsonAsync("/api/engine/kill", new { flatten = false }, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task ReadEndpoints_WithoutKey_AreOpenByDefault()
    {
        using var client = api.Client();

        using var status = await client.GetAsync("/api/engine/status", TestData.Cancel);
        using var presets = await client.GetAsync("/api/presets", TestData.Cancel);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, presets.StatusCode);
    }

    [Fact]
    public async Task Hub_WithoutKey_IsRefused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath)).Build();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync(TestData.Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_WithKeyAsAccessToken_Connects()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(ApiFixture.WebKey))
            .Build();

        await connection.StartAsync(TestData.Cancel);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task MutatingEndpoint_OverTheRateLimit_Is429WithRetryAfterPerCaller()
    {
        const int permits = 5;
        var (factory, address) = await api.StartApiAsync(new Dictionary<string, string> { ["Api:RateLimitPermits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var _ = factory;
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.BurstKey);
        using var other = new HttpClient { BaseAddress = address };
        other.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.WebKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var attempt = 0; attempt <= permits && limited is null; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/presets/validate", new { name = "x", document = new { } }, TestData.Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var otherCaller = await other.PostAsJsonAsync("/api/presets/validate", new { name = "x", document = new { } }, TestData.Cancel);
        using var read = await client.GetAsync("/api/engine/status", TestData.Cancel);

        // The emergency stop is never rate limited: the limited caller's kill reaches the endpoint (and is refused
        // there only for its malformed body, so no command goes out).
        using var kill = await client.PostAsync("/api/engine/kill", new StringContent("""{"flatten":"not a boolean"}""", System.Text.Encoding.UTF8, "application/json"), TestData.Cancel);

        Assert.NotNull(limited);
        Assert.Equal(permits, statuses.Count(status => status == HttpStatusCode.BadRequest));
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.True(limited.Headers.RetryAfter is not null);
        limited.Dispose();
        Assert.Equal(HttpStatusCode.BadRequest, otherCaller.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, kill.StatusCode);
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_IsAllowedAndOthersAreNot()
    {
        using var client = api.Client();

        using var allowed = await client.SendAsync(Preflight("https://console.example"), TestData.Cancel);
        using var refused = await client.SendAsync(Preflight("https://evil.example"), TestData.Cancel);

        Assert.Equal("https://console.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Responses_NeverContainAKey()
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        await client.PostAsync("/api/engine/resume", null, TestData.Cancel);

        foreach (var path in (string[])["/api/info", "/api/engine/status", "/api/audit?pageSize=500", "/openapi/v1.json"])
        {
            var body = await client.GetStringAsync(path, TestData.Cancel);
            foreach (var key in (string[])[ApiFixture.OperatorKey, ApiFixture.WebKey, ApiFixture.MuteKey, ApiFixture.BurstKey])
            {
                Assert.DoesNotContain(key, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var client = api.Client();

        using var response = await client.GetAsync("/api/nothing-here", TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.DeleteAsync("/api/engine/status", TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed);
    }

    [Fact]
    public async Task ReferenceUi_OutsideDevelopment_IsNotServed()
    {
        using var client = api.Client();

        using var response = await client.GetAsync("/scalar", TestData.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/engine/start");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        return request;
    }
}
