using System.Collections.Concurrent;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// Paper mode's market for the matching engine: for every symbol we have traded, the upstream's streamed 50-level book
/// and last price (<c>orderbook.50</c> and <c>tickers</c>). A symbol is watched from an order create on (a lease holds it
/// while the order is placed) and released when the exchange has nothing left on it, so memory and upstream topics
/// grow with the symbols we have orders or positions on, never with the upstream's traffic.
/// </summary>
public sealed class UpstreamMarketSource(UpstreamMarketData data, UpstreamSubscriptions stream, TimeProvider clock, ILogger<UpstreamMarketSource> logger) : IMarketSource
{
    private const int BookDepth = 50;
    private static readonly TimeSpan FirstBookWait = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<InstrumentSymbol, SymbolWatch> _watches = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyList<Instrument> Instruments => data.Instruments;

    public Instrument? Find(InstrumentSymbol symbol) => data.Find(symbol);

    public IReadOnlyList<MarketQuote> QuotesSince(InstrumentSymbol symbol, long seenVersion, bool bookForEveryStep) =>
        _watches.TryGetValue(symbol, out var watch) && watch.QuoteSince(seenVersion) is { } quote ? [quote] : [];

    public bool IsWatched(InstrumentSymbol symbol) => _watches.ContainsKey(symbol);

    public bool Release(InstrumentSymbol symbol)
    {
        if (!_watches.TryGetValue(symbol, out var watch) || !watch.TryRetire())
        {
            return false;
        }

        _watches.TryRemove(KeyValuePair.Create(symbol, watch));
        stream.Forget(BybitTopics.OrderBook(symbol, BookDepth), watch.OnEvent);
        stream.Forget(BybitTopics.Ticker(symbol), watch.OnEvent);
        return true;
    }

    public async ValueTask<IDisposable> PrepareAsync(InstrumentSymbol symbol, CancellationToken cancellationToken)
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
            return SymbolWatch.NoLease;
        }

        // A watch being released as we take it is retired: take the next one.
        SymbolWatch watch;
        IDisposable? lease;
        do
        {
            watch = _watches.GetOrAdd(symbol, static _ => new SymbolWatch());
            lease = watch.TryLease();
        }
        while (lease is null);

        try
        {
            if (watch.TryStart())
            {
                // Not awaited: with the upstream stream down a subscribe waits for the reconnect, an order must not.
                stream.Listen(BybitTopics.OrderBook(symbol, BookDepth), watch.OnEvent);
                stream.Listen(BybitTopics.Ticker(symbol), watch.OnEvent);
            }

            if (!await watch.WaitReadyAsync(FirstBookWait, clock, cancellationToken))
            {
                await SeedFromRestAsync(symbol, watch, cancellationToken);
            }

            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The stream is slow or down: start from the REST book so the order does not meet an empty market.</summary>
    private async Task SeedFromRestAsync(InstrumentSymbol symbol, SymbolWatch watch, CancellationToken cancellationToken)
    {
        Log.UpstreamBookFromRest(logger, symbol.Value);
        try
        {
            var book = await data.Client.GetOrderBookAsync(symbol, BookDepth, cancellationToken);
            var tickers = await data.TickersAsync(symbol, cancellationToken);
            var arrived = new OrderBookSnapshot(book.Symbol, book.Bids, book.Asks, clock.GetUtcNow(), book.UpdateId, book.Sequence);
            watch.Seed(arrived, tickers.Count > 0 ? tickers[0].LastPrice : null);
        }
        catch (Exception exception) when (exception is HttpRequestException or BybitApiException or TimeoutException or FormatException)
        {
            // No market at all: the order meets whatever book the engine last had for the symbol, if any.
            Log.UpstreamSubscribeFailed(logger, symbol.Value, exception.GetType().Name + ": " + exception.Message);
        }
    }
}
