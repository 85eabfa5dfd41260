using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// Risk-limit tables in the shape Bybit publishes for linear perpetuals (not its current figures, which change): five
/// value bands of equal width — 2,000,000 USDT for contracts allowing 100× and more, 200,000 for the others — the
/// maintenance margin rate rising by 0.5 % a band from 0.5 % (1 % for the smaller contracts), and the leverage cap
/// falling as the contract's maximum ÷ band number.
/// </summary>
public static class RiskLimitTiers
{
    private const int Bands = 5;

    public static IReadOnlyList<RiskLimitTier> For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var large = instrument.MaxLeverage >= 100m;
        var width = large ? 2_000_000m : 200_000m;
        var firstRate = large ? 0.005m : 0.01m;
        var tiers = new RiskLimitTier[Bands];
        for (var band = 1; band <= Bands; band++)
        {
            tiers[band - 1] = new RiskLimitTier(
                band,
                width * band,
                firstRate + (0.005m * (band - 1)),
                Math.Max(1m, decimal.Round(instrument.MaxLeverage / band, 2, MidpointRounding.ToZero)));
        }

        return tiers;
    }

    /// <summary>The band a position worth <paramref name="positionValue"/> USDT falls in (the last band beyond the table).</summary>
    public static RiskLimitTier TierFor(Instrument instrument, decimal positionValue)
    {
        var tiers = For(instrument);
        return tiers.FirstOrDefault(tier => positionValue <= tier.RiskLimitValue) ?? tiers[^1];
    }
}
