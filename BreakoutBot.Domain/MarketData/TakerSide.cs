namespace BreakoutBot.Domain.MarketData;

/// <summary>The side of the aggressive (taker) order in a public trade; the wire spellings are <c>Buy</c> and <c>Sell</c>.</summary>
public enum TakerSide
{
    Buy,
    Sell,
}
