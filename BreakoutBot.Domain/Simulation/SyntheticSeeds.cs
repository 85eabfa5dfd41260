using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>Seeds derived from a symbol and positions in its series, the same on every machine and run (unlike <see cref="HashCode"/>).</summary>
public static class SyntheticSeeds
{
    public static int Of(InstrumentSymbol symbol, int barIndex)
    {
        var hash = 17;
        foreach (var character in symbol.Value)
        {
            hash = unchecked((hash * 31) + character);
        }

        return unchecked((hash * 486_187_739) + barIndex);
    }

    public static int Of(InstrumentSymbol symbol, int barIndex, int printIndex) => unchecked((Of(symbol, barIndex) * 1_000_003) ^ printIndex);
}
