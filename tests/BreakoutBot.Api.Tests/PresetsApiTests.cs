using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BreakoutBot.Api.Errors;
using Microsoft.EntityFrameworkCore;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Api.Tests;

public sealed class PresetsApiTests(ApiFixture api)
{
    [Fact]
    public async Task List_AfterStart_HoldsEveryShippedPreset()
    {
        using var client = api.Client();

        var presets = await (await client.GetAsync("/api/presets", TestData.Cancel)).JsonAsync();

        var names = presets.EnumerateArray().Select(preset => preset.GetProperty("name").GetString()).ToList();
        foreach (var (name, _) in ShippedPresets.All())
        {
            Assert.Contains(name, names);
        }

        var first = presets.EnumerateArray().First(preset => preset.GetProperty("name").GetString() == "breakout_v1");
        Assert.True(first.GetProperty("shipped").GetBoolean());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Get_UnknownPresetOrVersion_Is404Problem()
    {
        using var client = api.Client();

        using var unknown = await client.GetAsync("/api/presets/no_such_preset", TestData.Cancel);
        using var version = await client.GetAsync("/api/presets/breakout_v1?version=999", TestData.Cancel);
        using var badName = await client.GetAsync("/api/presets/bad%20name", TestData.Cancel);

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await version.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await badName.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
    }

    [Fact]
    public async Task CreateThenUpdate_AddsVersionsAndKeepsTheOldOneIntact()
    {
        var name = "api_test_" + Guid.NewGuid().ToString("N")[..8];
        using var client = api.Client(ApiFixture.OperatorKey);

        using var created = await client.PostAsJsonAsync("/api/presets", new { name, document = Document(name), comment = "first" }, TestData.Cancel);
        var v1 = await created.JsonAsync();
        var changed = Document(name);
        changed["risk"]!["risk_per_trade"] = 0.01m;
        using var updated = await client.PutAsJsonAsync($"/api/presets/{name}", new { document = changed, comment = "less risk" }, TestData.Cancel);
        var v2 = await updated.JsonAsync();
        var first = await (await client.GetAsync($"/api/presets/{name}?version=1", TestData.Cancel)).JsonAsync();
        var latest = await (await client.GetAsync($"/api/presets/{name}", TestData.Cancel)).JsonAsync();
        var versions = await (await client.GetAsync($"/api/presets/{name}/versions", TestData.Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/presets/{name}?version=1", created.Headers.Location!.OriginalString);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("operator", v1.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(0.015m, first.GetProperty("document").GetProperty("risk").GetProperty("risk_per_trade").GetDecimal());
        Assert.Equal(0.01m, latest.GetProperty("document").GetProperty("risk").GetProperty("risk_per_trade").GetDecimal());
        Assert.Equal([1, 2], versions.EnumerateArray().Select(version => version.GetProperty("version").GetInt32()));
        await using var database = api.CreateDatabase();
        var audit = await database.AuditLog.Where(entry => entry.Action.StartsWith("preset.")).ToListAsync(TestData.Cancel);
        Assert.Equal(["preset.create", "preset.update"], audit.Where(entry => entry.DetailsJson!.Contains(name, StringComparison.Ordinal)).Select(entry => entry.Action));
    }

    [Fact]
    public async Task Create_ExistingName_Is409()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsJsonAsync("/api/presets", new { name = "breakout_v1", document = Document("breakout_v1") }, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
    }

    [Fact]
    public async Task Update_InvalidDocument_IsValidationProblemWithJsonPathsAndWritesNothing()
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        var before = await VersionCountAsync("breakout_v1");
        var document = Document("breakout_v1");
        document["risk"]!["risk_per_trade"] = 5;
        document["risk"]!["surprise"] = true;

        using var response = await client.PutAsJsonAsync("/api/presets/breakout_v1", new { document }, TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt("$.document.risk.risk_per_trade"));
        Assert.NotEmpty(problem.ErrorsAt("$.document.risk.surprise"));
        Assert.Equal(before, await VersionCountAsync("breakout_v1"));
    }

    [Fact]
    public async Task Update_UnknownPreset_Is404()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PutAsJsonAsync("/api/presets/not_there", new { document = Document("not_there") }, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Validate_ValidAndInvalid_AnswersWithoutStoring()
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        var name = "dry_run_" + Guid.NewGuid().ToString("N")[..8];
        var mismatched = Document("someone_else");

        using var valid = await client.PostAsJsonAsync("/api/presets/validate", new { name, document = Document(name) }, TestData.Cancel);
        using var invalid = await client.PostAsJsonAsync("/api/presets/validate", new { name, document = mismatched }, TestData.Cancel);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True((await valid.JsonAsync()).GetProperty("valid").GetBoolean());
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt("$.document.name"));
        Assert.Equal(0, await VersionCountAsync(name));
    }

    [Fact]
    public async Task Diff_ChangedVersion_ListsTheChangedPathsAgainstTheShippedPreset()
    {
        var name = "diff_" + Guid.NewGuid().ToString("N")[..8];
        using var client = api.Client(ApiFixture.OperatorKey);
        var document = Document(name);
        document["risk"]!["max_concurrent_positions"] = 2;
        await client.PostAsJsonAsync("/api/presets", new { name, document }, TestData.Cancel);

        var diff = await (await client.GetAsync($"/api/presets/{name}/diff", TestData.Cancel)).JsonAsync();
        var shipped = await (await client.GetAsync("/api/presets/breakout_v1/diff?version=1", TestData.Cancel)).JsonAsync();

        Assert.Equal(ShippedPresets.DefaultName, diff.GetProperty("comparedWith").GetString());
        var changes = diff.GetProperty("changes").EnumerateArray().ToDictionary(change => change.GetProperty("path").GetString()!);
        Assert.Equal(2, changes.Count);
        Assert.Equal(3, changes["$.risk.max_concurrent_positions"].GetProperty("shipped").GetInt32());
        Assert.Equal(2, changes["$.risk.max_concurrent_positions"].GetProperty("current").GetInt32());
        Assert.Equal(name, changes["$.name"].GetProperty("current").GetString());
        Assert.Empty(shipped.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task Mutations_WithoutKey_Are401()
    {
        using var client = api.AnonymousClient();

        using var create = await client.PostAsJsonAsync("/api/presets", new { name = "x", document = new { } }, TestData.Cancel);
        using var update = await client.PutAsJsonAsync("/api/presets/breakout_v1", new { document = new { } }, TestData.Cancel);

        await create.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        await update.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    /// <summary>The shipped default with <paramref name="name"/>.</summary>
    internal static JsonObject Document(string name)
    {
        var document = JsonNode.Parse(ShippedPresets.All().Single(preset => preset.Name == ShippedPresets.DefaultName).Json)!.AsObject();
        document["name"] = name;
        return document;
    }

    private async Task<int> VersionCountAsync(string name)
    {
        await using var database = api.CreateDatabase();
        return await database.PresetVersions.CountAsync(preset => preset.Name == name, TestData.Cancel);
    }
}
