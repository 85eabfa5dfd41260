using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// One round trip: a position from the fill that opened it to the fill that brought it back to flat, including any
/// adds and partial reductions in between. Amounts are in USDT.
/// </summary>
/// <param name="EntryAveragePrice">Quantity-weighted price of every entry fill (adds included).</param>
/// <param name="ExitAveragePrice">Quantity-weighted price of every reducing fill.</param>
/// <param name="Quantity">Total quantity closed, which equals the total quantity opened.</param>
/// <param name="RealisedPnl">Price PnL of the reductions, before fees and funding.</param>
/// <param name="Fees">Entry and exit fees together; negative when rebates exceeded fees.</param>
/// <param name="Funding">Funding received over the trade's life; negative when the position paid.</param>
/// <param name="InitialRiskPerUnit">
/// The distance |entry − initial stop| per unit when the trade was opened, if the caller supplied it. It stays the
/// initial risk even if the stop was later moved, so R compares the outcome with the risk that was actually taken.
/// </param>
public sealed record ClosedTrade(
    InstrumentSymbol Symbol,
    PositionDirection Direction,
    decimal EntryAveragePrice,
    decimal ExitAveragePrice,
    decimal Quantity,
    decimal RealisedPnl,
    decimal Fees,
    decimal Funding,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal? InitialRiskPerUnit = null)
{
    /// <summary>What the trade added to the wallet: realised PnL − fees + funding.</summary>
    public decimal NetPnl => RealisedPnl - Fees + Funding;

    /// <summary>
    /// <see cref="NetPnl"/> in units of the initial risk (<see cref="InitialRiskPerUnit"/> × <see cref="Quantity"/>);
    /// null when no initial risk was supplied. Net of fees and funding, because those are part of what the trade cost.
    /// </summary>
    public decimal? RMultiple => InitialRiskPerUnit is { } risk ? NetPnl / (risk * Quantity) : null;

    /// <summary>Time the position was open.</summary>
    public TimeSpan Duration => ClosedAt - OpenedAt;

    /// <summary>The same trade with its initial risk per unit, for callers that learn the stop only after the fact.</summary>
    public ClosedTrade WithInitialRisk(decimal initialRiskPerUnit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialRiskPerUnit);
        return this with { InitialRiskPerUnit = initialRiskPerUnit };
    }
}
