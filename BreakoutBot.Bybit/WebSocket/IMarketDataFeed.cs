using System.Threading.Channels;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Live market data for the Scanner: klines, tickers, order books and trades as decoded domain values, in one channel.
/// One implementation: <see cref="BybitPublicStreamClient"/>, pointed at the simulator or at Bybit.
/// </summary>
public interface IMarketDataFeed : IAsyncDisposable
{
    ChannelReader<MarketStreamEvent> Events { get; }

    Task SubscribeKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, CancellationToken cancellationToken = default);

    Task SubscribeTickersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken = default);

    /// <param name="depth">1, 50, 200 or 1000 levels.</param>
    Task SubscribeOrderBookAsync(InstrumentSymbol symbol, int depth, CancellationToken cancellationToken = default);

    Task SubscribeTradesAsync(InstrumentSymbol symbol, CancellationToken cancellationToken = default);

    Task UnsubscribeAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>The synchronized local book, or null while there is none (before the snapshot, during a resync).</summary>
    OrderBookSnapshot? OrderBook(InstrumentSymbol symbol, int depth);
}
