using System.Collections.Concurrent;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// Paper mode's market for the matching engine: for every symbol we have traded, the upstream's streamed 50-level book
/// and last price (<c>orderbook.50</c> and <c>tickers</c>). A symbol is watched from its first order on, so memory
/// grows with the symbols traded (one book each), never with the upstream's traffic.
/// </summary>
public sealed class UpstreamMarketSource(UpstreamMarketData data, UpstreamSubscriptions stream, TimeProvider clock, ILogger<UpstreamMarketSource> logger) : IMarketSource
{
    private const int BookDepth = 50;
    private static readonly TimeSpan FirstBookWait = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<InstrumentSymbol, SymbolWatch> _watches = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyList<Instrument> Instruments => data.Instruments;

    public Instrument? Find(InstrumentSymbol symbol) => data.Find(symbol);

    public MarketQuote? QuoteSince(InstrumentSymbol symbol, long seenVersion) =>
        _watches.TryGetValue(symbol, out var watch) ? watch.QuoteSince(seenVersion) : null;

    public async ValueTask PrepareAsync(InstrumentSymbol symbol, CancellationToken cancellationToken)
    {
        try
        {
            await data.InstrumentsAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or BybitApiException or TimeoutException)
        {
            // The instruments as last loaded decide; an unknown symbol is refused by the order endpoint as on Bybit.
            Log.UpstreamInstrumentsFailed(logger, exception.GetType().Name + ": " + exception.Message, 0);
        }

        if (Find(symbol) is null)
        {
            return;
        }

        var watch = _watches.GetOrAdd(symbol, static _ => new SymbolWatch());
        if (watch.TryStart())
        {
            try
            {
                await stream.ListenAsync(BybitTopics.OrderBook(symbol, BookDepth), watch.OnEvent, cancellationToken);
                await stream.ListenAsync(BybitTopics.Ticker(symbol), watch.OnEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is BybitStreamException or TimeoutException)
            {
                Log.UpstreamSubscribeFailed(logger, symbol.Value, exception.Message);
                stream.Forget(BybitTopics.OrderBook(symbol, BookDepth), watch.OnEvent);
                stream.Forget(BybitTopics.Ticker(symbol), watch.OnEvent);
                watch.Stopped();
            }
        }

        if (await watch.WaitReadyAsync(FirstBookWait, clock, cancellationToken))
        {
            return;
        }

        // The stream is slow or down: start from the REST book so the order does not meet an empty market.
        Log.UpstreamBookFromRest(logger, symbol.Value);
        var book = await data.Client.GetOrderBookAsync(symbol, BookDepth, cancellationToken);
        var tickers = await data.TickersAsync(symbol, cancellationToken);
        watch.Seed(book, tickers.Count > 0 ? tickers[0].LastPrice : null);
    }

    /// <summary>One symbol's latest upstream book and last price.</summary>
    private sealed class SymbolWatch
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private OrderBookSnapshot? _book;
        private decimal? _lastPrice;
        private long _version;
        private bool _started;

        public bool TryStart()
        {
            lock (_gate)
            {
                var first = !_started;
                _started = true;
                return first;
            }
        }

        public void Stopped()
        {
            lock (_gate)
            {
                _started = false;
            }
        }

        public void OnEvent(MarketStreamEvent message)
        {
            switch (message)
            {
                case OrderBookChanged changed:
                    Update(changed.Book, null);
                    break;
                case TickerReceived received:
                    Update(null, received.Ticker.LastPrice);
                    break;
            }
        }

        public void Seed(OrderBookSnapshot book, decimal? lastPrice)
        {
            lock (_gate)
            {
                if (_book is not null && _lastPrice is not null)
                {
                    return;
                }
            }

            Update(book, lastPrice ?? book.MidPrice ?? book.BestBid?.Price ?? book.BestAsk?.Price);
        }

        public MarketQuote? QuoteSince(long seenVersion)
        {
            lock (_gate)
            {
                return _version == seenVersion || _book is null || _lastPrice is not { } price ? null : new MarketQuote(_version, _book, price);
            }
        }

        public async Task<bool> WaitReadyAsync(TimeSpan patience, TimeProvider clock, CancellationToken cancellationToken)
        {
            try
            {
                await _ready.Task.WaitAsync(patience, clock, cancellationToken);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        private void Update(OrderBookSnapshot? book, decimal? lastPrice)
        {
            lock (_gate)
            {
                if (book is not null)
                {
                    _book = book;
                    _version++;
                }

                if (lastPrice is { } price && price != _lastPrice)
                {
                    _lastPrice = price;
                    _version++;
                }

                if (_book is not null && _lastPrice is not null)
                {
                    _ready.TrySetResult();
                }
            }
        }
    }
}
