using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// An open net position in one symbol (one-way mode), as the ledger holds it after the last fill. The running
/// amounts (<see cref="RealisedPnl"/>, <see cref="FeesPaid"/>, <see cref="Funding"/>) cover this position's life only,
/// from the fill that opened it; they become a <see cref="ClosedTrade"/> when it returns to flat.
/// </summary>
public sealed record PositionState
{
    public required InstrumentSymbol Symbol { get; init; }

    public required PositionDirection Direction { get; init; }

    /// <summary>Open quantity in the base coin, always positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>
    /// Cost basis of the open quantity in USDT (Σ quantity × entry price, less what reductions released). Kept instead of
    /// the average price so that adding at the mark price leaves unrealised PnL exactly unchanged.
    /// </summary>
    public required decimal EntryValue { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Price PnL realised by reductions so far, before fees and funding.</summary>
    public decimal RealisedPnl { get; init; }

    /// <summary>Fees of every fill of this position so far; negative when rebates exceeded fees.</summary>
    public decimal FeesPaid { get; init; }

    /// <summary>Funding received so far; negative when the position paid.</summary>
    public decimal Funding { get; init; }

    /// <summary>Total quantity of entry fills, adds included.</summary>
    public decimal OpenedQuantity { get; init; }

    /// <summary>Σ quantity × price of entry fills, for the trade's average entry.</summary>
    public decimal OpenedNotional { get; init; }

    /// <summary>Total quantity of reducing fills.</summary>
    public decimal ClosedQuantity { get; init; }

    /// <summary>Σ quantity × price of reducing fills, for the trade's average exit.</summary>
    public decimal ClosedNotional { get; init; }

    /// <summary>|entry − initial stop| per unit, fixed when the position opened; see <see cref="ClosedTrade.InitialRiskPerUnit"/>.</summary>
    public decimal? InitialRiskPerUnit { get; init; }

    /// <summary>A position opened by one fill of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
    public static PositionState Opened(
        InstrumentSymbol symbol, PositionDirection direction, decimal quantity, decimal price, decimal fee, DateTimeOffset at, decimal? initialRiskPerUnit = null)
    {
        var notional = quantity * price;
        return new PositionState
        {
            Symbol = symbol,
            Direction = direction,
            Quantity = quantity,
            EntryValue = notional,
            OpenedAt = at,
            FeesPaid = fee,
            OpenedQuantity = quantity,
            OpenedNotional = notional,
            InitialRiskPerUnit = initialRiskPerUnit,
        };
    }

    /// <summary>More of the same side: the cost basis grows by quantity × price.</summary>
    public PositionState Added(decimal quantity, decimal price, decimal fee)
    {
        var notional = quantity * price;
        return this with
        {
            Quantity = Quantity + quantity,
            EntryValue = EntryValue + notional,
            FeesPaid = FeesPaid + fee,
            OpenedQuantity = OpenedQuantity + quantity,
            OpenedNotional = OpenedNotional + notional,
        };
    }

    /// <summary>
    /// <paramref name="quantity"/> (at most <see cref="Quantity"/>) closed at <paramref name="price"/>: the basis is
    /// released pro rata (all of it on a full close, so no rounding residue outlives the position) and the realised
    /// price PnL is direction × (exit notional − released basis).
    /// </summary>
    public (PositionState Reduced, decimal Realised) Reduced(decimal quantity, decimal price, decimal fee)
    {
        var releasedBasis = quantity == Quantity
            ? EntryValue
            : Math.Round(EntryValue * quantity / Quantity, AccountLedger.AmountDecimals);
        var exitNotional = quantity * price;
        var realised = Direction.Sign() * (exitNotional - releasedBasis);
        var reduced = this with
        {
            Quantity = Quantity - quantity,
            EntryValue = EntryValue - releasedBasis,
            RealisedPnl = RealisedPnl + realised,
            FeesPaid = FeesPaid + fee,
            ClosedQuantity = ClosedQuantity + quantity,
            ClosedNotional = ClosedNotional + exitNotional,
        };
        return (reduced, realised);
    }

    /// <summary>The quantity-weighted entry price of the open quantity.</summary>
    public decimal AverageEntryPrice => EntryValue / Quantity;

    /// <summary>Positive for long, negative for short.</summary>
    public decimal SignedQuantity => Direction.Sign() * Quantity;

    /// <summary>Position value (quantity × mark) in USDT.</summary>
    public decimal ValueAt(decimal markPrice) => Quantity * markPrice;

    /// <summary>(mark − average entry) × quantity for a long, the negative of that for a short.</summary>
    public decimal UnrealisedPnlAt(decimal markPrice) => Direction.Sign() * (Quantity * markPrice - EntryValue);
}
