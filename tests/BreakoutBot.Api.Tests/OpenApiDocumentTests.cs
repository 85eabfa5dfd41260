using System.Text.Json;
using System.Text.Json.Nodes;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// docs/openapi.json is the served document, checked in. When the Api changes, this test rewrites the file and
/// fails, so the change shows up in review; run it again to pass.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    [Fact]
    public async Task Document_Served_MatchesTheCheckedInCopy()
    {
        using var client = api.Client();
        var served = Normalize(await client.GetStringAsync("/openapi/v1.json", TestData.Cancel));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        var checkedIn = File.Exists(path) ? await File.ReadAllTextAsync(path, TestData.Cancel) : "";

        if (!string.Equals(served, checkedIn, StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(path, served, TestData.Cancel);
            Assert.Fail("docs/openapi.json was stale and has been regenerated; review and commit it.");
        }
    }

    [Fact]
    public async Task Document_CoversEveryGroupAndTheKeyScheme()
    {
        using var client = api.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestData.Cancel));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();

        foreach (var expected in (string[])[
                     "/api/engine/status", "/api/engine/start", "/api/engine/kill", "/api/presets", "/api/presets/{name}", "/api/presets/{name}/diff",
                     "/api/scanner/latest", "/api/scanner/signals", "/api/trading/positions", "/api/trading/positions/{positionId}/close",
                     "/api/trading/trades.csv", "/api/performance/summary", "/api/market/candles/{symbol}", "/api/audit", "/api/events"])
        {
            Assert.Contains(expected, paths);
        }

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.False(document.RootElement.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Document_EveryBodySchema_IsATypeOfTheSharedContracts()
    {
        // The console reads and writes the Api's bodies with the types of BreakoutBot.Contracts (and the Domain values
        // they carry); a body type defined anywhere else could drift from what the console reads, so it fails here.
        using var client = api.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestData.Cancel));
        var contracts = typeof(BreakoutBot.Contracts.ContractJson).Assembly.GetExportedTypes().Select(type => type.Name.Split('`')[0]).ToHashSet();
        var domain = typeof(BreakoutBot.Domain.Trading.PositionDirection).Assembly.GetExportedTypes().Select(type => type.Name).ToHashSet();
        string[] framework = ["HttpValidationProblemDetails", "JsonElement"];

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(schema => schema.Name).ToList();
        Assert.NotEmpty(schemas);
        var strays = schemas
            .Select(name => name.StartsWith("PageOf", StringComparison.Ordinal) ? name["PageOf".Length..] : name)
            .Where(name => !framework.Contains(name) && !contracts.Contains(name) && !domain.Contains(name))
            .ToList();
        Assert.True(strays.Count == 0, "body types outside BreakoutBot.Contracts: " + string.Join(", ", strays));
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BreakoutBot.sln not found above " + AppContext.BaseDirectory);
    }
}
