namespace BreakoutBot.Domain.Trading;

/// <summary>Whether a fill added liquidity (maker: a resting order was hit) or took it (taker); fees differ.</summary>
public enum LiquidityRole
{
    Maker,
    Taker,
}
