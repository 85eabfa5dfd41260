using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Executor.Venue;

/// <summary>
/// What the engine needs from the venue, in its terms. The engine drives order and position state by asking
/// (<see cref="GetOrderAsync"/> on each poll); a push source (the private WebSocket) only has to wake the engine
/// earlier, so switching the drive does not change this seam.
/// </summary>
public interface IVenue
{
    Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The venue's clock now, estimated from its latest answer (null before the first): the clock every time the
    /// operator sees is on, like fills, positions and candles. Timeouts and windows keep to the local clock.
    /// </summary>
    DateTimeOffset? VenueNow { get; }

    /// <summary>Measures the offset to the venue's clock (venue minus local) and signs from then on with the venue's time.</summary>
    Task<TimeSpan> SynchronizeClockAsync(CancellationToken cancellationToken);

    /// <summary>Puts the account in the modes we trade: one-way positions and regular (cross) margin.</summary>
    Task PrepareAccountAsync(CancellationToken cancellationToken);

    /// <summary>Sets the symbol's leverage (already set is not a failure).</summary>
    Task SetLeverageAsync(InstrumentSymbol symbol, decimal leverage, CancellationToken cancellationToken);

    Task<IReadOnlyList<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken);

    Task<WalletBalance> GetWalletAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken);

    Task<Ticker?> GetTickerAsync(InstrumentSymbol symbol, CancellationToken cancellationToken);

    /// <summary>The order book to <paramref name="depth"/> levels per side (Bybit linear allows 1-500).</summary>
    Task<OrderBookSnapshot> GetOrderBookAsync(InstrumentSymbol symbol, int depth, CancellationToken cancellationToken);

    /// <summary>The latest bars, oldest first; the newest may still be open.</summary>
    Task<IReadOnlyList<Candle>> GetKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, int limit, CancellationToken cancellationToken);

    /// <summary>Places the order at most once (by its orderLinkId) and returns it as the venue reports it.</summary>
    Task<VenueOrder> PlaceOrderAsync(OrderPlacement order, CancellationToken cancellationToken);

    Task<VenueOrder?> GetOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken);

    /// <summary>Cancels an order; false when the venue no longer has it open.</summary>
    Task<bool> CancelOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken);

    /// <summary>Cancels every open order of the symbol, conditional ones and those without an orderLinkId included.</summary>
    Task CancelAllOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken);

    Task<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken);

    /// <summary>The account's latest funding settlements (transaction log lines of type SETTLEMENT), newest first.</summary>
    Task<IReadOnlyList<VenueTransaction>> GetRecentFundingAsync(CancellationToken cancellationToken);

    /// <summary>The account's latest executions in <paramref name="symbol"/> (one page, newest first).</summary>
    Task<IReadOnlyList<VenueExecution>> GetRecentExecutionsAsync(InstrumentSymbol symbol, CancellationToken cancellationToken);
}
