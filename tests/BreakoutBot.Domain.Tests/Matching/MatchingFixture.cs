using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Matching;

/// <summary>A BTCUSDT-like contract (tick 0.1, lot 0.001, min notional 5 USDT) and builders for books, trades and orders.</summary>
internal static class MatchingFixture
{
    public static readonly InstrumentSymbol Symbol = new("BTCUSDT");

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Instrument Instrument = new(
        Symbol, "BTC", "USDT", ContractStatus.Trading,
        tickSize: 0.1m, minPrice: 0.1m, maxPrice: 1_000_000m,
        qtyStep: 0.001m, minOrderQty: 0.001m, maxOrderQty: 100m, maxMarketOrderQty: 50m,
        minNotionalValue: 5m, maxLeverage: 100m);

    /// <summary>Maker 2 bps, taker 5 bps: round numbers make expected fees easy to check by hand.</summary>
    public static readonly FeeRates Fees = FeeRates.FromBps(2m, 5m);

    public static MatchingEngine Engine(MatchingOptions? options = null, decimal position = 0) =>
        new(Instrument, options ?? new MatchingOptions { Fees = Fees }, position);

    public static OrderBookSnapshot Book(DateTimeOffset time, (decimal Price, decimal Quantity)[] bids, (decimal Price, decimal Quantity)[] asks, long updateId = 0) =>
        new(Symbol, bids.Select(static l => new PriceLevel(l.Price, l.Quantity)), asks.Select(static l => new PriceLevel(l.Price, l.Quantity)), time, updateId);

    /// <summary>Bids 99.9/99.8/99.7 and asks 100.0/100.1/100.2, one coin each.</summary>
    public static OrderBookSnapshot ThreeLevelBook(DateTimeOffset? time = null) =>
        Book(time ?? T0, [(99.9m, 1m), (99.8m, 1m), (99.7m, 1m)], [(100.0m, 1m), (100.1m, 1m), (100.2m, 1m)]);

    private static int _tradeNumber;

    public static Trade Trade(DateTimeOffset time, decimal price, decimal size, TakerSide taker) =>
        new(Symbol, "t" + Interlocked.Increment(ref _tradeNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), time, price, size, taker, isBlockTrade: false);

    public static ClientOrderId Id(string text) => new(text);

    public static OrderRequest Market(string id, OrderSide side, decimal quantity, bool reduceOnly = false) =>
        OrderRequest.Market(Id(id), Symbol, side, quantity, reduceOnly);

    public static OrderRequest Limit(string id, OrderSide side, decimal quantity, decimal price, TimeInForce tif = TimeInForce.GoodTillCancel, bool reduceOnly = false) =>
        OrderRequest.Limit(Id(id), Symbol, side, quantity, price, tif, reduceOnly);

    public static IEnumerable<Fill> Fills(this IEnumerable<MatchingEvent> events) => events.OfType<OrderFilled>().Select(static e => e.Fill);

    public static IEnumerable<Fill> Fills(this OrderCommandResult result) => result.Events.Fills();
}
