using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>One fill (<c>/v5/execution/list</c>); <see cref="Fee"/> is in USDT, negative for a rebate.</summary>
public sealed record VenueExecution(
    string ExecutionId,
    string OrderId,
    string OrderLinkId,
    InstrumentSymbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    decimal? FeeRate,
    bool IsMaker,
    string ExecutionType,
    DateTimeOffset Time);
