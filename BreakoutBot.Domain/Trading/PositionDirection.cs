namespace BreakoutBot.Domain.Trading;

/// <summary>Which way a position or a signal points: long profits when the price rises, short when it falls.</summary>
public enum PositionDirection
{
    Long,
    Short,
}
