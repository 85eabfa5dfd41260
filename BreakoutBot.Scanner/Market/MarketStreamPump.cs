using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// Moves the public stream into the <see cref="MarketDataStore"/>: closed klines (a gap is back-filled over REST),
/// tickers, books (also sampled into the signal engines' density memory, <see cref="BookDensityFeed"/>) and trades; after a reconnect every symbol's candles are re-read over REST, since pushes were
/// missed. A symbol is reported to the <see cref="CloseBatcher"/> as closed once both its closed kline and a book
/// at least as new as the close have arrived: the strategy reads the book (imbalance, entry price), and the book of
/// the previous bar would judge a breakout by stale liquidity. The batch window still bounds the wait.
/// </summary>
public sealed class MarketStreamPump(
    IMarketDataFeed feed,
    BybitMarketClient rest,
    MarketDataStore store,
    CloseBatcher closes,
    BookDensityFeed densities,
    ScannerOptions options,
    ScannerMetrics metrics,
    TimeProvider clock,
    ILogger<MarketStreamPump> logger)
{
    private readonly Dictionary<InstrumentSymbol, Candle> _awaitingBook = [];
    private readonly HashSet<InstrumentSymbol> _ready = [];
    private DateTimeOffset _readyBar;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var streamEvent in feed.Events.ReadAllAsync(cancellationToken))
        {
            try
            {
                await HandleAsync(streamEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.StepFailed(logger, exception, "stream " + streamEvent.Topic);
            }
        }
    }

    /// <summary>Reads a symbol's recent closed candles over REST and replaces what the store holds.</summary>
    public async Task BackfillCandlesAsync(InstrumentSymbol symbol, CancellationToken cancellationToken)
    {
        var bars = await rest.GetKlinesAsync(symbol, options.ParsedInterval, options.HistoryBars, cancellationToken);
        store.Update(symbol, data => data.Candles.Reset(bars));
    }

    /// <summary>Reads a symbol's open interest of the last 30 hours (hourly) over REST.</summary>
    public async Task BackfillOpenInterestAsync(InstrumentSymbol symbol, CancellationToken cancellationToken)
    {
        var points = await rest.GetOpenInterestAsync(symbol, "1h", 30, cancellationToken);
        store.Update(symbol, data => data.AddOpenInterest(points.Select(point => new OpenInterestSample(point.Time, point.OpenInterest))));
    }

    private async Task HandleAsync(MarketStreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case KlineReceived { Candle.IsClosed: true } kline:
                await OnClosedCandleAsync(kline.Symbol, kline.Candle, cancellationToken);
                break;
            case TickerReceived ticker:
                store.Update(ticker.Ticker.Symbol, data => data.Ticker = ticker.Ticker);
                break;
            case OrderBookChanged book:
                store.Update(book.Book.Symbol, data => data.OrderBook = book.Book);
                densities.Offer(book.Book);
                if (_awaitingBook.TryGetValue(book.Book.Symbol, out var waiting) && book.Book.Time >= waiting.CloseTime)
                {
                    _awaitingBook.Remove(book.Book.Symbol);
                    MarkReady(book.Book.Symbol, waiting.OpenTime);
                }

                break;
            case TradesReceived trades:
                store.Update(trades.Symbol, data =>
                {
                    data.TradesCompleteSince ??= trades.ReceivedAt;
                    data.AddTrades(trades.Trades, clock.GetUtcNow());
                });
                break;
            case MarketStreamReconnected reconnected:
                metrics.RecordStreamReconnect();
                Log.StreamReconnected(logger, reconnected.Topics.Count);
                foreach (var symbol in store.Symbols)
                {
                    // Trades pushed while the connection was down are lost: the window restarts.
                    store.Update(symbol, data => data.TradesCompleteSince = reconnected.ReceivedAt);
                    await BackfillCandlesAsync(symbol, cancellationToken);
                }

                break;
        }
    }

    private async Task OnClosedCandleAsync(InstrumentSymbol symbol, Candle candle, CancellationToken cancellationToken)
    {
        var result = store.AppendCandle(symbol, candle);
        store.Update(symbol, data =>
        {
            if (data.Ticker is { } ticker)
            {
                data.AddOpenInterest([new OpenInterestSample(candle.CloseTime, ticker.OpenInterest)]);
            }
        });
        if (result == CandleAppendResult.Gap)
        {
            metrics.RecordDataGap();
            Log.CandleGap(logger, symbol.Value);
            await BackfillCandlesAsync(symbol, cancellationToken);
        }

        if (result is CandleAppendResult.Appended or CandleAppendResult.Gap)
        {
            var bookIsCurrent = store.Read(symbol, data => data.OrderBook is { } book && book.Time >= candle.CloseTime);
            if (bookIsCurrent)
            {
                _awaitingBook.Remove(symbol);
                MarkReady(symbol, candle.OpenTime);
            }
            else
            {
                _awaitingBook[symbol] = candle;

                // Starts the bar's batch window, so a book that never comes delays the evaluation only so long.
                closes.OnClose(candle.OpenTime, ReadyCount(candle.OpenTime), store.Count);
            }
        }
    }

    private void MarkReady(InstrumentSymbol symbol, DateTimeOffset openTime)
    {
        if (openTime > _readyBar)
        {
            _readyBar = openTime;
            _ready.Clear();
        }

        if (openTime == _readyBar)
        {
            _ready.Add(symbol);
        }

        closes.OnClose(openTime, ReadyCount(openTime), store.Count);
    }

    private int ReadyCount(DateTimeOffset openTime) => openTime == _readyBar ? _ready.Count : 0;
}
