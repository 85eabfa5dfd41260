using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Trading;

/// <summary>
/// One execution of (part of) an order: the venue's execution id makes it unique, so a fill delivered twice can be
/// recognised and ignored. <see cref="Fee"/> is in the quote coin (USDT); negative means a rebate was paid to us.
/// </summary>
public sealed record Fill(
    string ExecutionId,
    string OrderId,
    InstrumentSymbol Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    LiquidityRole Liquidity,
    DateTimeOffset ExecutedAt)
{
    /// <summary>Price × quantity in the quote coin.</summary>
    public decimal Notional => Price * Quantity;
}
