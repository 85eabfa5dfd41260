using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>One symbol's latest upstream book and last price (Paper mode), held by leases while orders are placed.</summary>
internal sealed class SymbolWatch
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OrderBookSnapshot? _book;
    private decimal? _lastPrice;
    private long _version;
    private bool _started;
    private bool _retired;
    private int _leases;

    public static IDisposable NoLease { get; } = new Lease(null);

    /// <summary>Holds the watch against release; null when it was already retired.</summary>
    public IDisposable? TryLease()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            _leases++;
            return new Lease(this);
        }
    }

    /// <summary>Retires the watch unless a lease holds it.</summary>
    public bool TryRetire()
    {
        lock (_gate)
        {
            _retired = _leases == 0;
            return _retired;
        }
    }

    public bool TryStart()
    {
        lock (_gate)
        {
            var first = !_started;
            _started = true;
            return first;
        }
    }

    public void OnEvent(MarketStreamEvent message)
    {
        switch (message)
        {
            case OrderBookChanged { Book: var book, ReceivedAt: var receivedAt }:
                // The engine orders books and our orders in the venue's time: a book counts from when it got here,
                // so a skew between the upstream's clock and ours never holds an order back.
                Update(new OrderBookSnapshot(book.Symbol, book.Bids, book.Asks, receivedAt, book.UpdateId, book.Sequence), null);
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
            return _version == seenVersion || _book is null || _lastPrice is not { } price ? null : new MarketQuote(_version, _book, price, price, price, Trade: null);
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

    private void Unlease()
    {
        lock (_gate)
        {
            _leases--;
        }
    }

    private sealed class Lease(SymbolWatch? watch) : IDisposable
    {
        private SymbolWatch? _watch = watch;

        public void Dispose() => Interlocked.Exchange(ref _watch, null)?.Unlease();
    }
}
