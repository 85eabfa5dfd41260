using System.Text.Json.Nodes;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests.Presets;

/// <summary>Where the preset files are, and a known-good preset to break in controlled ways.</summary>
internal static class PresetFixtures
{
    public const string BaseName = "video_strategy_conservative";

    public static string OriginalDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "presets-original");

    public static string ShippedDirectory => RepositoryPaths.ShippedPresets;

    public static IEnumerable<string> ShippedNames() => NamesIn(ShippedDirectory);

    public static IEnumerable<string> OriginalNames() => NamesIn(OriginalDirectory);

    /// <summary>A fresh, mutable copy of a shipped preset that loads without errors.</summary>
    public static JsonObject ValidPreset(string name = BaseName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedDirectory, name + ".json")))!.AsObject();

    public static PresetLoadResult Load(JsonNode preset, string name = BaseName) =>
        PresetLoader.Load(preset.ToJsonString(), name + ".json");

    public static IReadOnlyList<string> ErrorPaths(PresetLoadResult result) => [.. result.Errors.Select(error => error.Path)];

    private static IEnumerable<string> NamesIn(string directory) =>
        Directory.EnumerateFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;
}
