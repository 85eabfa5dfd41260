using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Scanner.Tests;

/// <summary>The shipped presets, as the scanner loads them.</summary>
internal static class Presets
{
    public static TradingPreset Default { get; } = Load(ShippedPresets.DefaultName);

    public static TradingPreset Load(string name) =>
        PresetLoader.Load(ShippedPresets.All().Single(preset => preset.Name == name).Json, name).Preset
        ?? throw new InvalidOperationException($"shipped preset {name} does not load");
}
