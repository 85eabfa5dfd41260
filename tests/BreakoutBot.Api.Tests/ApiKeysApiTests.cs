using System.Net;
using System.Net.Http.Json;
using BreakoutBot.Api.Errors;

namespace BreakoutBot.Api.Tests;

/// <summary>Keys issued and revoked through <c>/api/keys</c>: admin only, the text answered once, revocation immediate.</summary>
public sealed class ApiKeysApiTests(ApiFixture api)
{
    [Fact]
    public async Task IssuedKey_WorksWithItsRole_IsListedWithoutItsText_AndStopsWorkingWhenRevoked()
    {
        using var admin = api.Client(ApiFixture.WebKey);
        var name = "bot-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.PostAsJsonAsync("/api/keys", new { name, role = "operator" }, TestData.Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await created.JsonAsync();
        var key = issued.GetProperty("key").GetString()!;
        Assert.StartsWith("bbk_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40);
        Assert.Equal("operator", issued.GetProperty("role").GetString());

        using var bot = api.Client(key);
        var before = api.Executor.Received.Count;
        using var paused = await bot.PostAsync("/api/engine/pause", null, TestData.Cancel);
        Assert.NotEqual(HttpStatusCode.Unauthorized, paused.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, paused.StatusCode);
        Assert.Equal(before + 1, api.Executor.Received.Count);

        var listed = await (await admin.GetAsync("/api/keys", TestData.Cancel)).Content.ReadAsStringAsync(TestData.Cancel);
        Assert.Contains($"\"name\":\"{name}\"", listed, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"configuration\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiFixture.WebKey, listed, StringComparison.Ordinal);

        using var revoked = await admin.DeleteAsync($"/api/keys/{name}", TestData.Cancel);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("web", (await revoked.JsonAsync()).GetProperty("revokedBy").GetString());
        using var refused = await bot.GetAsync("/api/engine/status", TestData.Cancel);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);

        using var reader = api.Client();
        var audit = await (await admin.GetAsync("/api/audit?action=api-key.revoke&pageSize=50", TestData.Cancel)).JsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("outcome").GetString() == $"revoked {name} (operator)");
    }

    [Fact]
    public async Task OnlyAnAdminKey_ListsIssuesOrRevokes()
    {
        using var operatorClient = api.Client(ApiFixture.OperatorKey);

        using var list = await operatorClient.GetAsync("/api/keys", TestData.Cancel);
        using var create = await operatorClient.PostAsJsonAsync("/api/keys", new { name = "sneaky", role = "admin" }, TestData.Cancel);
        using var revoke = await operatorClient.DeleteAsync("/api/keys/operator", TestData.Cancel);

        await list.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await create.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await revoke.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task BadRequests_AreRefusedNamingTheProblem_NothingIsIssued()
    {
        using var admin = api.Client(ApiFixture.WebKey);

        using var badName = await admin.PostAsJsonAsync("/api/keys", new { name = "Bad Name!", role = "viewer" }, TestData.Cancel);
        using var badRole = await admin.PostAsJsonAsync("/api/keys", new { name = "good-name", role = "root" }, TestData.Cancel);
        using var taken = await admin.PostAsJsonAsync("/api/keys", new { name = "operator", role = "viewer" }, TestData.Cancel);
        using var configured = await admin.DeleteAsync("/api/keys/operator", TestData.Cancel);
        using var unknown = await admin.DeleteAsync("/api/keys/no-such-key", TestData.Cancel);

        var nameErrors = await badName.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.True(nameErrors.GetProperty("errors").TryGetProperty("$.name", out _));
        var roleErrors = await badRole.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.True(roleErrors.GetProperty("errors").TryGetProperty("$.role", out _));
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        var configuredProblem = await configured.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        Assert.Contains("Api:Keys:operator", configuredProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var listed = await (await admin.GetAsync("/api/keys", TestData.Cancel)).Content.ReadAsStringAsync(TestData.Cancel);
        Assert.DoesNotContain("good-name", listed, StringComparison.Ordinal);
    }
}
