using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A <c>position</c> push (one-way mode); <see cref="Direction"/> is null and <see cref="Size"/> 0 when flat.</summary>
public sealed record PositionUpdate(
    DateTimeOffset ReceivedAt,
    InstrumentSymbol Symbol,
    PositionDirection? Direction,
    decimal Size,
    decimal? EntryPrice,
    decimal? MarkPrice,
    decimal UnrealisedPnl,
    decimal CumulativeRealisedPnl,
    decimal? Leverage,
    decimal? TakeProfit,
    decimal? StopLoss,
    DateTimeOffset UpdatedAt,
    long Sequence) : PrivateStreamEvent(ReceivedAt);
