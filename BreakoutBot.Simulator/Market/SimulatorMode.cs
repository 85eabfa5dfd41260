namespace BreakoutBot.Simulator.Market;

/// <summary>Where the simulator's market comes from (<c>Simulator:Mode</c>).</summary>
public enum SimulatorMode
{
    /// <summary>The seeded synthetic market.</summary>
    Sim,

    /// <summary>Bybit's public market data relayed from <c>Simulator:Upstream</c>; our orders are matched here against it.</summary>
    Paper,
}
