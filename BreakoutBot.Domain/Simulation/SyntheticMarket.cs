using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// A seeded market of many symbols advancing bar by bar together. Each symbol has its own random stream derived from
/// the market seed and its position, so adding a symbol never changes the others' paths.
/// </summary>
public sealed class SyntheticMarket
{
    private readonly Dictionary<InstrumentSymbol, SyntheticPriceProcess> _processes = [];

    public SyntheticMarket(int seed, DateTimeOffset start, IReadOnlyList<SyntheticSymbol>? symbols = null, CandleInterval interval = CandleInterval.FiveMinutes)
    {
        Symbols = symbols ?? SyntheticUniverse.Default;
        Instruments = [.. Symbols.Select(symbol => symbol.ToInstrument())];
        for (var i = 0; i < Symbols.Count; i++)
        {
            _processes.Add(Symbols[i].Symbol, new SyntheticPriceProcess(Symbols[i], unchecked((seed * 7919) + (i * 104_729)), start, interval));
        }
    }

    public IReadOnlyList<SyntheticSymbol> Symbols { get; }

    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The next closed bar of every symbol, in universe order.</summary>
    public IReadOnlyList<Candle> NextBars() => [.. Symbols.Select(symbol => _processes[symbol.Symbol].NextBar())];
}
