using BreakoutBot.Domain.Trading;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Executor;

/// <summary>The Executor's own keys of the shared <c>Trading</c> section.</summary>
public sealed class ExecutorTradingOptions
{
    /// <summary>
    /// <c>Trading:AutoStart</c>: start the engine by itself with the default preset (default true). Only ever in
    /// <c>sim</c>: every other mode starts by an operator's command, whatever this says.
    /// </summary>
    public bool? AutoStart { get; set; }

    /// <summary><c>Trading:DefaultPreset</c>: the preset an automatic start trades; null = the shipped default for the mode.</summary>
    public string? DefaultPreset { get; set; }

    public bool ResolveAutoStart(TradingMode mode) => mode == TradingMode.Sim && (AutoStart ?? true);

    public string ResolveDefaultPreset(TradingMode mode) => DefaultPreset ?? ShippedPresets.DefaultFor(mode);
}
