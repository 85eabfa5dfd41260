using System.Reflection;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Presets;

/// <summary>The preset files shipped in <c>presets/</c>, embedded in this assembly.</summary>
public static class ShippedPresets
{
    private const string Prefix = "presets/";

    /// <summary>The preset a new installation trades real markets with.</summary>
    public const string DefaultName = "breakout_v1";

    /// <summary>The preset calibrated for the simulator's synthetic market (see presets/README.md).</summary>
    public const string SimulatedMarketName = "sim_breakout";

    /// <summary>The default preset of a trading mode: the simulated market has its own calibration.</summary>
    public static string DefaultFor(TradingMode mode) => mode == TradingMode.Sim ? SimulatedMarketName : DefaultName;

    /// <summary>Every shipped preset: name and JSON text.</summary>
    public static IReadOnlyList<(string Name, string Json)> All()
    {
        var assembly = typeof(ShippedPresets).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource => (Path.GetFileNameWithoutExtension(resource[Prefix.Length..]), Read(assembly, resource)))];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded preset {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
