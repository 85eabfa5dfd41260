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
/// <param name="TakerFeeRate">Fee per unit of notional, paid on entry and on the stop's exit.</param>
public sealed record EntryRiskBudget(decimal Budget, decimal Stop, decimal TakerFeeRate)
{
    /// <summary>USDT lost per unit entered at <paramref name="price"/> when the stop is hit, both fees included.</summary>
    public decimal RiskPerUnit(decimal price) => Math.Abs(price - Stop) + ((price + Stop) * TakerFeeRate);

    /// <summary>
    /// The most of <paramref name="planned"/> (on the lot step) that can be entered at <paramref name="price"/> when
    /// <paramref name="filled"/> is already in at <paramref name="averageFill"/> and <paramref name="working"/> (quantity,
    /// limit price) may still fill. Zero when the budget is used up or the price is at or beyond the stop.
    /// </summary>
    public decimal Room(decimal planned, decimal price, decimal filled, decimal averageFill, IEnumerable<(decimal Quantity, decimal Price)> working, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(working);
        ArgumentNullException.ThrowIfNull(instrument);
        var used = (filled > 0 ? filled * RiskPerUnit(averageFill) : 0m) + working.Sum(order => order.Quantity * RiskPerUnit(order.Price));
        var perUnit = RiskPerUnit(price);
        if (perUnit <= 0 || used >= Budget || price == Stop)
        {
            return 0m;
        }

        return Math.Max(0m, Math.Min(planned, instrument.FloorQuantityToStep((Budget - used) / perUnit)));
    }
}
