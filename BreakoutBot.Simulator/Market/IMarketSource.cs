using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// The market our orders meet: instruments, the venue's time, and per symbol the book and last price the matching
/// engine sees. <see cref="SyntheticMarketSource"/> in Sim mode, <see cref="Upstream.UpstreamMarketSource"/> in Paper mode.
/// </summary>
public interface IMarketSource
{
    /// <summary>The venue's time now.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The instruments known right now (in Paper mode: the upstream's, as last loaded).</summary>
    IReadOnlyList<Instrument> Instruments { get; }

    Instrument? Find(InstrumentSymbol symbol);

    /// <summary>
    /// The market's steps since <paramref name="seenVersion"/>, oldest first (none when nothing changed or nothing is known
    /// yet). The last step always carries the book; earlier ones only when <paramref name="bookForEveryStep"/> (orders
    /// are working, so each print must meet the book of its moment).
    /// </summary>
    IReadOnlyList<MarketQuote> QuotesSince(InstrumentSymbol symbol, long seenVersion, bool bookForEveryStep);

    /// <summary>
    /// Makes sure the symbol's market is followed before an order meets it (Paper: subscribes upstream and waits for a
    /// first book); it stays followed at least until the returned lease is disposed.
    /// </summary>
    ValueTask<IDisposable> PrepareAsync(InstrumentSymbol symbol, CancellationToken cancellationToken);

    /// <summary>True when the symbol's market is followed on demand and could be released (Paper); the synthetic market never is.</summary>
    bool IsWatched(InstrumentSymbol symbol);

    /// <summary>
    /// The exchange has nothing left on the symbol (no order, no position): stop following it unless a lease holds it.
    /// True when it was released (its versions start again).
    /// </summary>
    bool Release(InstrumentSymbol symbol);
}
