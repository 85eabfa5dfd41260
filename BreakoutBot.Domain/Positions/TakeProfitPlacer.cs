using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// Moves a <c>smart</c>/<c>adaptive</c> take-profit rung (<c>position_config.tp_smart_placement</c>) from its fixed price
/// towards the entry, so it fills before price stalls: first onto a round number (<c>prefer_round_numbers</c>, a
/// multiple of <c>round_number_step</c>), then in front of a support/resistance level it would otherwise have to cross
/// (<c>avoid_sr_levels</c>, <c>sr_level_buffer_bps</c> short of it), then in front of an opposing density it falls in
/// (<c>avoid_density_zones</c>, <c>density_zone_buffer_bps</c> short of the zone's near edge). A move is only made when
/// the rung stays within <c>max_adjustment_bps</c> of its fixed price and beyond the entry; a rung is never moved away
/// from the entry (that would promise more R than the ladder says).
/// </summary>
public static class TakeProfitPlacer
{
    /// <summary>The rung's price, unrounded (the caller snaps it to the tick towards the entry).</summary>
    public static decimal Place(decimal fixedPrice, decimal entry, PositionDirection direction, TakeProfitSmartPlacement rules, TakeProfitMarket market)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(market);
        if (!rules.Enabled)
        {
            return fixedPrice;
        }

        var sign = direction.Sign();
        var budget = fixedPrice * rules.MaxAdjustmentBps / 10_000m;
        bool Allowed(decimal price) => (fixedPrice - price) * sign is var moved && moved >= 0 && moved <= budget && (price - entry) * sign > 0;

        var price = fixedPrice;
        if (rules.PreferRoundNumbers)
        {
            var round = (sign > 0 ? decimal.Floor(price / rules.RoundNumberStep) : decimal.Ceiling(price / rules.RoundNumberStep)) * rules.RoundNumberStep;
            price = Allowed(round) ? round : price;
        }

        if (rules.AvoidSrLevels)
        {
            price = InFrontOfLevels(price, entry, sign, market.SupportResistance, rules.SrLevelBufferBps, Allowed);
        }

        if (rules.AvoidDensityZones)
        {
            // The rung rests against the orders on the other side: asks above a long's exit, bids below a short's.
            var opposing = sign > 0 ? OrderSide.Sell : OrderSide.Buy;
            foreach (var zone in market.Densities.Where(zone => zone.Side == opposing))
            {
                var nearEdge = sign > 0 ? zone.Low : zone.High;
                var inFront = nearEdge * (1 - (sign * rules.DensityZoneBufferBps / 10_000m));
                var reaches = sign > 0 ? price >= inFront && price < zone.High : price <= inFront && price >= zone.Low;
                if (reaches && Allowed(inFront))
                {
                    price = inFront;
                }
            }
        }

        return price;
    }

    /// <summary>Steps in front of each level the rung sits at or beyond (nearest the rung first), while the budget allows.</summary>
    private static decimal InFrontOfLevels(decimal price, decimal entry, int sign, IReadOnlyList<decimal> levels, decimal bufferBps, Func<decimal, bool> allowed)
    {
        var ordered = sign > 0 ? levels.Where(level => level > entry).OrderByDescending(level => level) : levels.Where(level => level < entry).OrderBy(level => level);
        foreach (var level in ordered)
        {
            var inFront = level * (1 - (sign * bufferBps / 10_000m));
            if ((price - inFront) * sign > 0 && allowed(inFront))
            {
                price = inFront;
            }
        }

        return price;
    }
}
