using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Bybit.Rest;

/// <summary>A position as the venue reports it (<c>/v5/position/list</c>).</summary>
public sealed record VenuePosition(InstrumentSymbol Symbol, PositionDirection Direction, decimal Size, decimal AveragePrice, decimal UnrealisedPnl)
{
    public decimal? MarkPrice { get; init; }

    public decimal? Leverage { get; init; }

    /// <summary>The position's take-profit price; null when none is set.</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>The position's stop-loss price; null when none is set.</summary>
    public decimal? StopLoss { get; init; }
}
