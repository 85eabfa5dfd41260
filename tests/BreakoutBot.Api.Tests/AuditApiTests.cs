using System.Net;
using BreakoutBot.Api.Errors;

namespace BreakoutBot.Api.Tests;

public sealed class AuditApiTests(ApiFixture api)
{
    [Fact]
    public async Task List_AfterCommands_ShowsWhoWhatWhenAndResultNewestFirst()
    {
        using var web = api.Client(ApiFixture.WebKey);
        await web.PostAsync("/api/engine/resume", null, TestData.Cancel);
        await web.PostAsync("/api/engine/pause", null, TestData.Cancel);

        using var client = api.Client();
        var page = await (await client.GetAsync("/api/audit?actor=web&pageSize=2", TestData.Cancel)).JsonAsync();
        var pauses = await (await client.GetAsync("/api/audit?actor=web&action=engine.pause", TestData.Cancel)).JsonAsync();

        var newest = page.GetProperty("items")[0];
        Assert.Equal("engine.pause", newest.GetProperty("action").GetString());
        Assert.Equal("web", newest.GetProperty("actor").GetString());
        Assert.Equal("api", newest.GetProperty("source").GetString());
        Assert.StartsWith("refused", newest.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", newest.GetProperty("occurredAt").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("cmd-", newest.GetProperty("details").GetProperty("commandId").GetString(), StringComparison.Ordinal);
        Assert.Equal("engine.resume", page.GetProperty("items")[1].GetProperty("action").GetString());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 2);
        Assert.All(pauses.GetProperty("items").EnumerateArray(), entry => Assert.Equal("engine.pause", entry.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("/api/audit?actor=' OR '1'='1", "actor")]
    [InlineData("/api/audit?action=<script>alert(1)</script>", "action")]
    [InlineData("/api/audit?page=100001", "page")]
    public async Task List_BadFilter_IsValidationProblem(string path, string key)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path, TestData.Cancel);

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorsAt(key));
    }
}
