using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning;

namespace BreakoutBot.Scanner.Market;

/// <summary>Everything the scanner holds for one symbol: closed candles, the latest ticker and book, recent trades.</summary>
public sealed class SymbolMarketData(Instrument instrument, int candleCapacity, CandleInterval interval, TimeSpan tradesWindow)
{
    /// <summary>Open interest samples kept: 30 hours of hourly back-fill plus a sample per closed bar, bounded.</summary>
    private const int OpenInterestCapacity = 600;
    private readonly Queue<Trade> _trades = new();
    private readonly List<OpenInterestSample> _openInterest = [];

    public Instrument Instrument { get; set; } = instrument;

    public CandleRing Candles { get; } = new(candleCapacity, interval);

    public Ticker? Ticker { get; set; }

    public OrderBookSnapshot? OrderBook { get; set; }

    /// <summary>Since when <see cref="RecentTrades"/> is complete (the trade stream's subscription).</summary>
    public DateTimeOffset? TradesCompleteSince { get; set; }

    public IReadOnlyCollection<Trade> RecentTrades => _trades;

    /// <summary>Open interest history, oldest first (for the open-interest change filter).</summary>
    public IReadOnlyList<OpenInterestSample> OpenInterest => _openInterest;

    /// <summary>Adds open interest samples newer than the last one, keeping at most a bounded number.</summary>
    public void AddOpenInterest(IEnumerable<OpenInterestSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples.OrderBy(sample => sample.Time))
        {
            if (_openInterest.Count == 0 || sample.Time > _openInterest[^1].Time)
            {
                _openInterest.Add(sample);
            }
        }

        if (_openInterest.Count > OpenInterestCapacity)
        {
            _openInterest.RemoveRange(0, _openInterest.Count - OpenInterestCapacity);
        }
    }

    /// <summary>Adds trades and forgets those older than the metrics' window (bounded memory).</summary>
    public void AddTrades(IEnumerable<Trade> trades, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trades);
        foreach (var trade in trades)
        {
            _trades.Enqueue(trade);
        }

        var horizon = now - tradesWindow;
        while (_trades.TryPeek(out var oldest) && oldest.Time < horizon)
        {
            _trades.Dequeue();
        }
    }
}
