using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning.Evaluation;

/// <summary>The preset the scanner evaluates with, and which stored version it is.</summary>
public sealed record ActivePreset(TradingPreset Preset, int Version)
{
    public string Name => Preset.Name;
}
