using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// An order to place (linear, one-way mode). <see cref="OrderLinkId"/> is our id for it: placing the same one twice
/// never creates a second order. <see cref="TimeInForce"/> uses Bybit's spelling: GTC, IOC, FOK, PostOnly.
/// </summary>
public sealed record OrderPlacement(
    InstrumentSymbol Symbol,
    OrderSide Side,
    bool IsMarket,
    decimal Quantity,
    string OrderLinkId,
    decimal? LimitPrice = null,
    string? TimeInForce = null,
    bool ReduceOnly = false);
