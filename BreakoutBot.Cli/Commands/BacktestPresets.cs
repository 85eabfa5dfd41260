using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Cli.Commands;

/// <summary>The preset of a backtest: a shipped preset by name, or a preset file; its JSON (a sweep varies it) and the loaded preset.</summary>
internal static class BacktestPresets
{
    /// <summary>The preset's name and JSON text, or null with why not.</summary>
    public static (string Name, string Json)? Find(string nameOrFile, out string? problem)
    {
        problem = null;
        if (File.Exists(nameOrFile))
        {
            return (PresetLoader.ExpectedName(Path.GetFileName(nameOrFile)), File.ReadAllText(nameOrFile));
        }

        if (nameOrFile.EndsWith(PresetLoader.FileExtension, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"preset file {nameOrFile} does not exist";
            return null;
        }

        if (ShippedPresets.All().FirstOrDefault(shipped => shipped.Name == nameOrFile) is { Json: not null } found)
        {
            return found;
        }

        problem = $"no shipped preset named '{nameOrFile}' (shipped: {string.Join(", ", ShippedPresets.All().Select(preset => preset.Name))}); or give a preset file";
        return null;
    }

    /// <summary>The loaded preset, or null with every problem the strict loader found.</summary>
    public static TradingPreset? Load(string nameOrFile, out string? problem)
    {
        if (Find(nameOrFile, out problem) is not { } found)
        {
            return null;
        }

        var loaded = PresetLoader.Load(found.Json, found.Name + PresetLoader.FileExtension);
        problem = loaded.Preset is null ? $"preset {loaded.FileName} is invalid: " + string.Join("; ", loaded.Errors) : null;
        return loaded.Preset;
    }
}
