using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Executor;

/// <summary>The Executor's own keys of the shared <c>Trading</c> section.</summary>
public sealed class ExecutorTradingOptions
{
    /// <summary><c>Trading:AutoStart</c>: start the engine by itself with the default preset; null = true in <c>sim</c>, false otherwise.</summary>
    public bool? AutoStart { get; set; }

    /// <summary><c>Trading:DefaultPreset</c>: the preset an automatic start trades; null = the shipped default for the mode.</summary>
    public string? DefaultPreset { get; set; }

    public bool ResolveAutoStart(TradingMode mode) => AutoStart ?? mode == TradingMode.Sim;

    public string ResolveDefaultPreset(TradingMode mode) => DefaultPreset ?? ShippedPresets.DefaultFor(mode);
}
