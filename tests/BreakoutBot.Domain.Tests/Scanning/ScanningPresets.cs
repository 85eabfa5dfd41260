using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Tests.Presets;

namespace BreakoutBot.Domain.Tests.Scanning;

/// <summary>Shipped presets, loaded once, for the scanning tests.</summary>
internal static class ScanningPresets
{
    private static readonly Lazy<TradingPreset> Breakout = new(() => Load("breakout_v1"));

    public static TradingPreset BreakoutV1() => Breakout.Value;

    private static TradingPreset Load(string name)
    {
        var result = PresetLoader.LoadFile(Path.Combine(PresetFixtures.ShippedDirectory, name + ".json"));
        return result.Preset ?? throw new InvalidOperationException($"Shipped preset {name} does not load: {result.Errors.Count} errors.");
    }
}
