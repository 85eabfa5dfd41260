using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Execution;

/// <summary>
/// The risk an entry may take, kept as the entry goes: the position was sized so that a stop-out loses at most
/// <see cref="Budget"/> (risk_per_trade of equity at approval, fees included). Later slices and market completions meet
/// other prices than the one sized on; each is cut to what still fits, counting what filled at its real price and what
/// is still working at its limit, so the realised risk never exceeds the budget however the price moved.
/// </summary>
/// <param name="Budget">USDT lost at most if the stop is hit, fees included.</param>
/// <param name="Stop">The stop price the risk is measured to.</param>
/// <param name="TakerFeeRate">Fee per unit of notional of a taking fill: market entries, and the stop's exit always.</param>
/// <param name="MakerFeeRate">Fee per unit of notional of a resting (post-only) entry that fills
/// (<c>maker_fee_bps</c>; negative for a rebate); null: counted at the taker rate.</param>
public sealed record EntryRiskBudget(decimal Budget, decimal Stop, decimal TakerFeeRate, decimal? MakerFeeRate = null)
{
    /// <summary>
    /// USDT lost per unit entered at <paramref name="price"/> when the stop is hit, both fees included: the entry's at the
    /// maker rate when it rests (<paramref name="maker"/>), else the taker's; the stop's exit at the taker rate.
    /// </summary>
    public decimal RiskPerUnit(decimal price, bool maker = false) =>
        Math.Abs(price - Stop) + (price * (maker ? MakerFeeRate ?? TakerFeeRate : TakerFeeRate)) + (Stop * TakerFeeRate);

    /// <summary>
    /// The most of <paramref name="planned"/> (on the lot step) that can be entered at <paramref name="price"/> (resting
    /// when <paramref name="maker"/>) when <paramref name="filled"/> is already in at <paramref name="averageFill"/> and
    /// <paramref name="working"/> (quantity, limit price, resting) may still fill. Filled quantity counts at the taker
    /// rate (which way it filled is not kept). Zero when the budget is used up or the price is at or beyond the stop.
    /// </summary>
    public decimal Room(
        decimal planned, decimal price, decimal filled, decimal averageFill, IEnumerable<(decimal Quantity, decimal Price, bool Maker)> working, Instrument instrument,
        bool maker = false)
    {
        ArgumentNullException.ThrowIfNull(working);
        ArgumentNullException.ThrowIfNull(instrument);
        var used = (filled > 0 ? filled * RiskPerUnit(averageFill) : 0m) + working.Sum(order => order.Quantity * RiskPerUnit(order.Price, order.Maker));
        var perUnit = RiskPerUnit(price, maker);
        if (perUnit <= 0 || used >= Budget || price == Stop)
        {
            return 0m;
        }

        return Math.Max(0m, Math.Min(planned, instrument.FloorQuantityToStep((Budget - used) / perUnit)));
    }
}
