using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Data.Trading;

/// <summary>
/// A stored position's money arithmetic done by the Domain's <see cref="PositionState"/> (the ledger's one definition
/// of average entry, realised and unrealised PnL), so the executor and the Api derive nothing of their own.
/// </summary>
public static class PositionAccounting
{
    /// <summary>The open part as the ledger models it: cost basis = average entry × open quantity.</summary>
    public static PositionState StateOf(this PositionRecord position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new PositionState
        {
            Symbol = InstrumentSymbol.Parse(position.Symbol),
            Direction = position.Direction,
            Quantity = position.OpenQuantity,
            EntryValue = position.EntryPrice * position.OpenQuantity,
            OpenedAt = position.OpenedAt,
        };
    }

    /// <summary>An entry fill: the open quantity and its average entry price grow.</summary>
    public static void AddEntryFill(this PositionRecord position, decimal quantity, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        var state = position.OpenQuantity == 0
            ? PositionState.Opened(InstrumentSymbol.Parse(position.Symbol), position.Direction, quantity, price, 0m, position.OpenedAt)
            : position.StateOf().Added(quantity, price, 0m);
        position.OpenQuantity = state.Quantity;
        position.EntryPrice = state.AverageEntryPrice;
    }

    /// <summary>An exit fill of <paramref name="quantity"/> (at most the open quantity): its price PnL is realised; returns it.</summary>
    public static decimal ReduceByFill(this PositionRecord position, decimal quantity, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        var (reduced, realised) = position.StateOf().Reduced(quantity, price, 0m);
        position.OpenQuantity = reduced.Quantity;
        position.RealizedPnl += realised;
        return realised;
    }

    /// <summary>A fee paid on one of the position's fills (negative for a rebate): counted in its fees and taken from its PnL.</summary>
    public static void PayFee(this PositionRecord position, decimal fee)
    {
        ArgumentNullException.ThrowIfNull(position);
        position.Fees += fee;
        position.RealizedPnl -= fee;
    }

    /// <summary>Price PnL of the open quantity at <paramref name="markPrice"/> (before exit fees).</summary>
    public static decimal UnrealisedPnlAt(this PositionRecord position, decimal markPrice) =>
        position.OpenQuantity == 0 ? 0m : position.StateOf().UnrealisedPnlAt(markPrice);
}
