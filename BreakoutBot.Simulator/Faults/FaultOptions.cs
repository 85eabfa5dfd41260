namespace BreakoutBot.Simulator.Faults;

/// <summary>The <c>Simulator:Faults</c> section: whether the test-only <c>/sim/faults</c> endpoint exists at all.</summary>
public sealed class FaultOptions
{
    public const string SectionName = "Simulator:Faults";

    /// <summary>Off by default: a simulator serving a bot should not be breakable over the network.</summary>
    public bool Enabled { get; set; }
}
