using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Executor.Venue;

/// <summary>The venue over Bybit V5 REST (Bybit itself or the simulator; only the base address differs).</summary>
public sealed class BybitVenue(BybitMarketClient market, BybitPrivateClient account, VenueClock venueClock) : IVenue
{
    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken) => market.GetServerTimeAsync(cancellationToken);

    public DateTimeOffset? VenueNow => venueClock.Now;

    public Task<TimeSpan> SynchronizeClockAsync(CancellationToken cancellationToken) => account.SynchronizeClockAsync(market, cancellationToken);

    public async Task PrepareAccountAsync(CancellationToken cancellationToken)
    {
        await account.UseOneWayModeAsync(cancellationToken);
        await account.SetMarginModeAsync("REGULAR_MARGIN", cancellationToken);
    }

    public async Task SetLeverageAsync(InstrumentSymbol symbol, decimal leverage, CancellationToken cancellationToken) =>
        await account.SetLeverageAsync(symbol, leverage, cancellationToken);

    public Task<IReadOnlyList<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) => market.GetInstrumentsAsync(cancellationToken);

    public Task<WalletBalance> GetWalletAsync(CancellationToken cancellationToken) => account.GetWalletBalanceAsync(cancellationToken);

    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => account.GetPositionsAsync(cancellationToken);

    public async Task<Ticker?> GetTickerAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) =>
        (await market.GetTickersAsync(symbol, cancellationToken)) is [var first, ..] ? first : null;

    public Task<OrderBookSnapshot> GetOrderBookAsync(InstrumentSymbol symbol, int depth, CancellationToken cancellationToken) =>
        market.GetOrderBookAsync(symbol, depth, cancellationToken);

    public Task<IReadOnlyList<Candle>> GetKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, int limit, CancellationToken cancellationToken) =>
        market.GetKlinesAsync(symbol, interval, limit, cancellationToken);

    public Task<VenueOrder> PlaceOrderAsync(OrderPlacement order, CancellationToken cancellationToken) => account.PlaceOrderOnceAsync(order, cancellationToken);

    public Task<VenueOrder?> GetOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken) =>
        account.GetOrderAsync(symbol, orderLinkId, cancellationToken);

    public async Task<bool> CancelOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken)
    {
        try
        {
            await account.CancelOrderAsync(symbol, orderLinkId, cancellationToken);
            return true;
        }
        catch (BybitApiException exception) when (exception.RetCode is BybitRetCodes.OrderNotFound)
        {
            return false;
        }
    }

    public async Task CancelAllOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) =>
        await account.CancelAllOrdersAsync(symbol, cancellationToken);

    public Task<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) =>
        account.GetOpenOrdersAsync(symbol, cancellationToken);

    public async Task<IReadOnlyList<VenueTransaction>> GetRecentFundingAsync(CancellationToken cancellationToken) =>
        (await account.GetTransactionLogAsync("SETTLEMENT", limit: 50, cancellationToken: cancellationToken)).Items;

    public async Task<IReadOnlyList<VenueExecution>> GetRecentExecutionsAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) =>
        (await account.GetExecutionsAsync(symbol, limit: 100, cancellationToken: cancellationToken)).Items;
}
