using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>Hand-made 5-minute bars and an instrument with round filters, for scenarios whose outcome is computed by hand.</summary>
internal static class Bars
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Instrument Btc { get; } = new(
        InstrumentSymbol.Parse("BTCUSDT"), "BTC", "USDT", ContractStatus.Trading,
        tickSize: 0.1m, minPrice: 0.1m, maxPrice: 1_000_000m, qtyStep: 0.001m, minOrderQty: 0.001m, maxOrderQty: 1_000m,
        maxMarketOrderQty: 1_000m, minNotionalValue: 5m, maxLeverage: 100m);

    public static DateTimeOffset OpenOf(int index) => Start.AddMinutes(5 * index);

    public static Candle At(int index, decimal open, decimal high, decimal low, decimal close) =>
        new(CandleInterval.FiveMinutes, OpenOf(index), open, high, low, close, volume: 10m, turnover: 10m * close, isClosed: true);

    /// <summary>A quiet bar around 100 that touches nothing of interest.</summary>
    public static Candle Flat(int index) => At(index, 100m, 100.2m, 99.8m, 100m);
}
