using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Accounting;

internal static class LedgerFixtures
{
    public const decimal TakerFeeRate = 0.00055m;

    public static readonly InstrumentSymbol Btc = new("BTCUSDT");
    public static readonly InstrumentSymbol Eth = new("ETHUSDT");
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    private static int s_nextExecution;

    /// <summary>A taker fill charged Bybit's 0.055 % taker fee on its notional.</summary>
    public static Fill TakerFill(InstrumentSymbol symbol, OrderSide side, decimal quantity, decimal price, DateTimeOffset? at = null) =>
        FillWithFee(symbol, side, quantity, price, quantity * price * TakerFeeRate, at);

    public static Fill FillWithFee(
        InstrumentSymbol symbol, OrderSide side, decimal quantity, decimal price, decimal fee, DateTimeOffset? at = null) =>
        new(
            $"exec-{Interlocked.Increment(ref s_nextExecution)}",
            "order-1",
            symbol,
            side,
            quantity,
            price,
            fee,
            LiquidityRole.Taker,
            at ?? Start);

    public static Instrument Instrument(InstrumentSymbol symbol, decimal maxLeverage = 100m) =>
        new(symbol, "BTC", "USDT", ContractStatus.Trading, 0.1m, 0.1m, 1_000_000m, 0.001m, 0.001m, 100m, 100m, 5m, maxLeverage);
}
