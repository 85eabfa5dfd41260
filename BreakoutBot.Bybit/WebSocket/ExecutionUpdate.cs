using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>An <c>execution</c> push: one fill. <see cref="Fee"/> is in USDT; negative is a rebate.</summary>
public sealed record ExecutionUpdate(
    DateTimeOffset ReceivedAt,
    string ExecutionId,
    string OrderId,
    string OrderLinkId,
    InstrumentSymbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    bool IsMaker,
    string ExecutionType,
    DateTimeOffset ExecutedAt,
    long Sequence) : PrivateStreamEvent(ReceivedAt)
{
    /// <summary>The fill as the domain ledger takes it.</summary>
    public Fill ToFill() =>
        new(ExecutionId, OrderId, Symbol, Side, Quantity, Price, Fee, IsMaker ? LiquidityRole.Maker : LiquidityRole.Taker, ExecutedAt);
}
