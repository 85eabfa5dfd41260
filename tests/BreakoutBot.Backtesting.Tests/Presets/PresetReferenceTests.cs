namespace BreakoutBot.Backtesting.Tests.Presets;

/// <summary>docs/PRESETS.md is generated from the schema; when they differ, this test rewrites the file and fails.</summary>
public sealed class PresetReferenceTests
{
    [Fact]
    public async Task PresetsReference_MatchesTheSchema()
    {
        var generated = PresetReference.Generate();
        var path = Path.Combine(RepositoryRoot(), "docs", "PRESETS.md");
        var checkedIn = File.Exists(path) ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken) : "";

        if (!string.Equals(generated, checkedIn, StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(path, generated, TestContext.Current.CancellationToken);
            Assert.Fail("docs/PRESETS.md was stale and has been regenerated; review and commit it.");
        }
    }

    [Fact]
    public void PresetsReference_NamesEveryFieldOfTheShippedPresets()
    {
        var generated = PresetReference.Generate();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "presets", "breakout_v1.json")))!;

        Assert.All(Paths(json, ""), path => Assert.Contains("| `" + path + "` |", generated, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Paths(System.Text.Json.Nodes.JsonNode node, string prefix)
    {
        foreach (var (key, value) in node.AsObject())
        {
            var path = prefix + key;
            yield return path;
            if (value is System.Text.Json.Nodes.JsonObject child && key != "score_weights")
            {
                foreach (var nested in Paths(child, path + "."))
                {
                    yield return nested;
                }
            }
            else if (value is System.Text.Json.Nodes.JsonArray { Count: > 0 } array && array[0] is System.Text.Json.Nodes.JsonObject first)
            {
                foreach (var nested in Paths(first, path + "[]."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BreakoutBot.sln not found above " + AppContext.BaseDirectory);
    }
}
