using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Scanner.Market;

/// <summary>Everything the scanner holds for one symbol: closed candles, the latest ticker and book, recent trades.</summary>
public sealed class SymbolMarketData(Instrument instrument, int candleCapacity, CandleInterval interval, TimeSpan tradesWindow)
{
    private readonly Queue<Trade> _trades = new();

    public Instrument Instrument { get; set; } = instrument;

    public CandleRing Candles { get; } = new(candleCapacity, interval);

    public Ticker? Ticker { get; set; }

    public OrderBookSnapshot? OrderBook { get; set; }

    /// <summary>Since when <see cref="RecentTrades"/> is complete (the trade stream's subscription).</summary>
    public DateTimeOffset? TradesCompleteSince { get; set; }

    public IReadOnlyCollection<Trade> RecentTrades => _trades;

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
