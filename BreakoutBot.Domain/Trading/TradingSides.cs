namespace BreakoutBot.Domain.Trading;

/// <summary>Conversions between order sides and position directions.</summary>
public static class TradingSides
{
    /// <summary>The order side that opens (or adds to) a position in <paramref name="direction"/>.</summary>
    public static OrderSide OpeningSide(this PositionDirection direction) =>
        direction == PositionDirection.Long ? OrderSide.Buy : OrderSide.Sell;

    /// <summary>The order side that reduces or closes a position in <paramref name="direction"/>.</summary>
    public static OrderSide ClosingSide(this PositionDirection direction) =>
        direction == PositionDirection.Long ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>+1 for buys, −1 for sells: the sign of the position change a fill causes.</summary>
    public static int Sign(this OrderSide side) => side == OrderSide.Buy ? 1 : -1;

    /// <summary>+1 for long, −1 for short: the sign of PnL per unit of price rise.</summary>
    public static int Sign(this PositionDirection direction) => direction == PositionDirection.Long ? 1 : -1;
}
