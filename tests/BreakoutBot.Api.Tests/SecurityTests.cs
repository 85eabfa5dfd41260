using System.Net;
using System.Net.Http.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using BreakoutBot.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace BreakoutBot.Api.Tests;

public sealed class SecurityTests(ApiFixture api)
{
    [Fact]
    public async Task MutatingEndpoint_WithoutKey_Is401ProblemAndSendsNothing()
    {
        using var client = api.AnonymousClient();
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
    public async Task ReadEndpoints_WithoutKey_Are401ByDefault_HealthStaysAnonymous()
    {
        using var anonymous = api.AnonymousClient();

        foreach (var path in (string[])["/api/info", "/api/engine/status", "/api/presets", "/api/trading/positions", "/api/trading/protection", "/api/audit", "/api/events", "/api/backtests/data-sets"])
        {
            using var refused = await anonymous.GetAsync(path, TestData.Cancel);
            await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        }

        using var alive = await anonymous.GetAsync("/alive", TestData.Cancel);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task ViewerKey_Reads_ButEveryMutationIs403AndSendsNothing()
    {
        using var viewer = api.Client(ApiFixture.ViewerKey);
        var before = api.Executor.Received.Count;

        using var status = await viewer.GetAsync("/api/engine/status", TestData.Cancel);
        using var stop = await viewer.PostAsync("/api/engine/stop", null, TestData.Cancel);
        using var kill = await viewer.PostAsJsonAsync("/api/engine/kill", new { flatten = true }, TestData.Cancel);
        using var preset = await viewer.PostAsJsonAsync("/api/presets", new { name = "x", document = new { } }, TestData.Cancel);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        await stop.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await kill.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await preset.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(before, api.Executor.Received.Count);
    }

    [Fact]
    public async Task ConsoleKey_ActsForThePersonItNames_WithTheLowerRole_AndTheAuditNamesPersonAndAddress()
    {
        using var asOperator = PersonClient("alice", "operator", "192.0.2.10");
        using var asViewer = PersonClient("victor", "viewer", null);
        using var nobody = api.Client(ApiFixture.ConsoleKey);
        using var malformed = PersonClient("mallory", "root", null);
        var before = api.Executor.Received.Count;

        using var paused = await asOperator.PostAsync("/api/engine/pause", null, TestData.Cancel);
        var afterOperator = api.Executor.Received.Count;
        using var viewerStop = await asViewer.PostAsync("/api/engine/stop", null, TestData.Cancel);
        using var viewerReads = await asViewer.GetAsync("/api/engine/status", TestData.Cancel);
        using var nobodyStop = await nobody.PostAsync("/api/engine/stop", null, TestData.Cancel);
        using var nobodyReads = await nobody.GetAsync("/api/engine/status", TestData.Cancel);
        using var malformedStop = await malformed.PostAsync("/api/engine/stop", null, TestData.Cancel);

        Assert.Equal(before + 1, afterOperator);
        Assert.Equal(afterOperator, api.Executor.Received.Count);
        Assert.NotEqual(HttpStatusCode.Forbidden, paused.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, paused.StatusCode);
        await viewerStop.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, viewerReads.StatusCode);
        await nobodyStop.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, nobodyReads.StatusCode);
        await malformedStop.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);

        using var reader = api.Client();
        var audit = await (await reader.GetAsync("/api/audit?actor=console/alice&action=engine.pause", TestData.Cancel)).JsonAsync();
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("console/alice", entry.GetProperty("actor").GetString());
        Assert.Equal("192.0.2.10", entry.GetProperty("details").GetProperty("issuedFrom").GetString());
    }

    [Fact]
    public async Task KeyThatDoesNotActForPeople_IgnoresAPersonItNames_NoRoleIsGained()
    {
        using var client = api.Client(ApiFixture.ViewerKey);
        client.DefaultRequestHeaders.Add(OnBehalfOfHeaders.User, "alice");
        client.DefaultRequestHeaders.Add(OnBehalfOfHeaders.Role, "admin");
        var before = api.Executor.Received.Count;

        using var stop = await client.PostAsync("/api/engine/stop", null, TestData.Cancel);

        await stop.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(before, api.Executor.Received.Count);
    }

    private HttpClient PersonClient(string user, string role, string? address)
    {
        var client = api.Client(ApiFixture.ConsoleKey);
        client.DefaultRequestHeaders.Add(OnBehalfOfHeaders.User, user);
        client.DefaultRequestHeaders.Add(OnBehalfOfHeaders.Role, role);
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(OnBehalfOfHeaders.Address, address);
        }

        return client;
    }

    [Fact]
    public async Task StartOnARealVenue_OperatorKeyIs403_AdminKeyIsSent()
    {
        var (factory, address) = await api.StartApiAsync(new Dictionary<string, string> { ["Trading:Mode"] = "testnet" });
        await using var _ = factory;
        using var operatorClient = new HttpClient { BaseAddress = address };
        operatorClient.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.OperatorKey);
        using var adminClient = new HttpClient { BaseAddress = address };
        adminClient.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.WebKey);
        var before = api.Executor.Received.Count;

        using var refused = await operatorClient.PostAsJsonAsync("/api/engine/start", new { preset = "breakout_v1", mode = "testnet" }, TestData.Cancel);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(before, api.Executor.Received.Count);
        using var sent = await adminClient.PostAsJsonAsync("/api/engine/start", new { preset = "breakout_v1", mode = "testnet" }, TestData.Cancel);

        Assert.Contains("admin key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
    }

    [Fact]
    public async Task KeyGivenByItsHash_Authenticates_WithTheRoleConfigured()
    {
        const string key = "hashed-automation-key-0123456789";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        var (factory, address) = await api.StartApiAsync(new Dictionary<string, string> { ["Api:Keys:bot"] = "sha256:" + hash, ["Api:KeyRoles:bot"] = "operator" });
        await using var _ = factory;
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var hashAsKey = new HttpClient { BaseAddress = address };
        hashAsKey.DefaultRequestHeaders.Add("X-Api-Key", "sha256:" + hash);

        using var pause = await client.PostAsync("/api/engine/pause", null, TestData.Cancel);
        using var refused = await hashAsKey.GetAsync("/api/engine/status", TestData.Cancel);

        // Authorised and sent under the key's name (the engine may still refuse the transition: 409).
        Assert.Contains(pause.StatusCode, (HttpStatusCode[])[HttpStatusCode.Accepted, HttpStatusCode.Conflict]);
        // The audit names who and from where: the key's name and the caller's address.
        Assert.Contains(api.Executor.Received, command => command.IssuedBy == "bot" && command.IssuedFrom == "127.0.0.1" && command.Kind == Messaging.Messages.EngineCommandKind.Pause);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task WrongKeys_TenFromOneAddress_ThenEvenTheRightKeyIs429WithRetryAfter()
    {
        var (factory, address) = await api.StartApiAsync();
        await using var _ = factory;
        using var guesser = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/engine/status");
            request.Headers.Add("X-Api-Key", $"guess-{attempt:D2}-0123456789abcdef");
            using var wrong = await guesser.SendAsync(request, TestData.Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/engine/status");
        right.Headers.Add("X-Api-Key", ApiFixture.ViewerKey);
        using var throttled = await guesser.SendAsync(right, TestData.Cancel);
        using var health = await guesser.GetAsync("/alive", TestData.Cancel);

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Api:Keys:bad", "short", "Api:Keys:bad is shorter than 16")]
    [InlineData("Api:Keys:bad", "sha256:abc", "Api:Keys:bad starts with 'sha256:'")]
    [InlineData("Api:KeyRoles:web", "superuser", "Api:KeyRoles:web must be viewer, operator or admin")]
    [InlineData("Api:KeyRoles:ghost", "admin", "does not issue: ghost")]
    public async Task MisconfiguredKey_RefusesToStartNamingTheSetting(string setting, string value, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => api.StartApiAsync(new Dictionary<string, string> { [setting] = value }, waitForEvents: false));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
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
