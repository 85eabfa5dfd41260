using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// Sim mode: the synthetic market, one step per print of the intrabar tape, so the matching engine meets every price
/// the market passes through (a wick through a stop triggers it), with the book standing after that print.
/// </summary>
public sealed class SyntheticMarketSource(SimulatedMarketFeed feed) : IMarketSource
{
    public const int BookDepth = 50;

    public DateTimeOffset Now => feed.Now;

    public IReadOnlyList<Instrument> Instruments => feed.Instruments;

    public Instrument? Find(InstrumentSymbol symbol) => feed.Knows(symbol) ? feed.InstrumentOf(symbol) : null;

    public IReadOnlyList<MarketQuote> QuotesSince(InstrumentSymbol symbol, long seenVersion, bool bookForEveryStep)
    {
        if (!feed.Knows(symbol))
        {
            return [];
        }

        if (seenVersion < 0)
        {
            // The first look at a symbol starts from the market as it stands, not from its history.
            var moment = feed.Moment(symbol);
            return moment.Tape.Count == 0
                ? []
                : [new MarketQuote(moment.Cursor, SyntheticBook.After(moment.Tape, moment.LastPrint, BookDepth, moment.Cursor, moment.Cursor), moment.LastPrice, moment.MarkPrice, moment.IndexPrice, Trade: null)];
        }

        var ranges = feed.PrintsSince(symbol, seenVersion);
        var quotes = new List<MarketQuote>();
        for (var r = 0; r < ranges.Count; r++)
        {
            var (tape, from, to) = ranges[r];
            for (var i = from; i < to; i++)
            {
                var version = MarketMoment.CursorAfter(tape.BarIndex, i);
                var isLast = r == ranges.Count - 1 && i == to - 1;
                var book = isLast || bookForEveryStep ? SyntheticBook.After(tape, i, BookDepth, version, version) : null;
                quotes.Add(new MarketQuote(version, book, tape.PriceOf(i), tape.MarkPriceAt(i), tape.IndexPriceAt(i), tape.ToTrade(i)));
            }
        }

        return quotes;
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
