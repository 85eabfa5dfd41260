namespace BreakoutBot.Domain.Simulation;

/// <summary>The phase a simulated symbol is in; consolidations end in a breakout, breakouts run as trends.</summary>
public enum MarketRegime
{
    /// <summary>Sideways with ordinary noise.</summary>
    Range,

    /// <summary>A narrowing, quiet range under (or over) a level: the set-up a breakout trader looks for.</summary>
    Consolidation,

    /// <summary>The bar that leaves the consolidation, on a volume surge.</summary>
    Breakout,

    /// <summary>Follow-through after a breakout (or drift), in one direction.</summary>
    Trend,
}
