using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Market;

/// <summary>The <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Seed of the synthetic market: the same seed gives the same market.</summary>
    public int Seed { get; set; } = 20261126;

    /// <summary>Simulated seconds per real second: 1 = real time; 60 makes a 5-minute bar close every 5 seconds.</summary>
    [Range(0.01, 10_000)]
    public double Speed { get; set; } = 1;

    /// <summary>Closed 5-minute bars that exist before the simulation starts, so indicators can warm up at once.</summary>
    [Range(1, 20_000)]
    public int HistoryBars { get; set; } = 1_000;

    /// <summary>How many symbols of the default universe to simulate (at most 32).</summary>
    [Range(1, 32)]
    public int SymbolCount { get; set; } = 32;
}
