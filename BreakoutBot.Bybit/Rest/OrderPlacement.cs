using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// An order to place (linear, one-way mode). <see cref="OrderLinkId"/> is our id for it: placing the same one twice
/// never creates a second order. <see cref="TimeInForce"/> uses Bybit's spelling: GTC, IOC, FOK, PostOnly.
/// A <see cref="TriggerPrice"/> makes it a conditional order that the venue holds (<c>Untriggered</c>) until the
/// <see cref="TriggerBy"/> price reaches it in <see cref="TriggerDirection"/>.
/// </summary>
public sealed record OrderPlacement(
    InstrumentSymbol Symbol,
    OrderSide Side,
    bool IsMarket,
    decimal Quantity,
    string OrderLinkId,
    decimal? LimitPrice = null,
    string? TimeInForce = null,
    bool ReduceOnly = false,
    decimal? TriggerPrice = null,
    TriggerDirection? TriggerDirection = null,
    TriggerSource TriggerBy = TriggerSource.LastPrice);
