using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// Fee rates as fractions of notional (0.00055 = 5.5 bps = 0.055 %), Bybit's <c>makerFeeRate</c>/<c>takerFeeRate</c>
/// convention. A negative maker rate is a rebate.
/// </summary>
public sealed record FeeRates(decimal MakerFraction, decimal TakerFraction)
{
    private const decimal BpsPerUnit = 10_000m;

    /// <summary>Bybit's base tier for linear perpetuals: 0.02 % maker, 0.055 % taker.</summary>
    public static FeeRates BybitBaseTier { get; } = new(0.0002m, 0.00055m);

    public static FeeRates FromBps(decimal makerBps, decimal takerBps) => new(makerBps / BpsPerUnit, takerBps / BpsPerUnit);

    /// <summary>Fee in the quote coin for a fill of <paramref name="notional"/>.</summary>
    public decimal FeeFor(decimal notional, LiquidityRole liquidity) =>
        notional * (liquidity == LiquidityRole.Maker ? MakerFraction : TakerFraction);
}
