using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>Sim mode: the synthetic market; the book and price change once per closed bar (the version is the bar count).</summary>
public sealed class SyntheticMarketSource(SimulatedMarketFeed feed) : IMarketSource
{
    private const int BookDepth = 50;

    public DateTimeOffset Now => feed.Now;

    public IReadOnlyList<Instrument> Instruments => feed.Instruments;

    public Instrument? Find(InstrumentSymbol symbol) => feed.Instruments.FirstOrDefault(candidate => candidate.Symbol == symbol);

    public MarketQuote? QuoteSince(InstrumentSymbol symbol, long seenVersion)
    {
        // The book only changes when a bar closes; building it again for the same bar would be wasted work.
        var barCount = feed.BarCount(symbol);
        if (barCount == seenVersion || Find(symbol) is not { } instrument)
        {
            return null;
        }

        var (last, _) = feed.Recent(symbol);
        return new MarketQuote(barCount, SyntheticBookAndTrades.OrderBook(instrument, last, barCount, BookDepth, feed.Now), last.Close);
    }

    public ValueTask<IDisposable> PrepareAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(NoLease.Instance);

    public bool IsWatched(InstrumentSymbol symbol) => false;

    public bool Release(InstrumentSymbol symbol) => false;

    /// <summary>The synthetic market is always followed: nothing to hold.</summary>
    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
