using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests;

/// <summary>Files of the repository the tests read: the shipped presets.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ShippedPresets { get; } = Path.Combine(Root, "presets");

    /// <summary>A shipped preset by name; the test fails at once if it does not load.</summary>
    public static TradingPreset LoadShippedPreset(string name) =>
        PresetLoader.LoadFile(Path.Combine(ShippedPresets, name + ".json")).Preset
        ?? throw new InvalidOperationException($"presets/{name}.json does not load.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BreakoutBot.sln above {AppContext.BaseDirectory}.");
    }
}
