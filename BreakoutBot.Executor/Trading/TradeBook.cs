using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The trade a finished position leaves. It owns nothing (the <c>trades</c> table is its memory, one row per position):
/// the position is marked Closed at its last exit fill, and its trade is written once, with the exit price weighted over
/// every exit fill, the exit reason (the rule that closed it, else what the last exit fill was: a take-profit, or the stop
/// of its kind), 1 R measured from the entry proper (an add-on changes what was risked, not what R means) and the PnL,
/// fees and funding the position booked. Everything goes into the caller's unit of work; the caller commits.
/// </summary>
public sealed class TradeBook(TimeProvider clock)
{
    /// <summary>Closes <paramref name="position"/> and writes its trade (with its <see cref="TradeClosed"/>); null when it already has one.</summary>
    public async Task<TradeRecord?> CloseAsync(TradingDbContext database, PositionRecord position, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(position);
        var now = clock.GetUtcNow();
        var exits = await ExitFillsAsync(database, position, cancellationToken);
        var exitQuantity = exits.Sum(fill => fill.Quantity);
        var exitPrice = exitQuantity > 0 ? exits.Sum(fill => fill.Price * fill.Quantity) / exitQuantity : position.EntryPrice;
        var lastExit = exits.OrderBy(fill => fill.ExecutedAt).LastOrDefault();
        var lastExitPurpose = lastExit is null ? null : (await database.Orders.FindAsync([lastExit.OrderId], cancellationToken))?.Purpose;
        var reason = position.ExitReason ?? lastExitPurpose switch
        {
            OrderPurpose.TakeProfit => nameof(ExitReason.TakeProfit),
            OrderPurpose.StopLoss => PositionRules.StopReason(position.StopKind).ToString(),
            _ => "Closed",
        };
        var closedAt = lastExit?.ExecutedAt ?? now;
        position.Status = PositionRecordStatus.Closed;
        position.ClosedAt = closedAt;
        position.ExitReason = reason;
        if (await database.Trades.AnyAsync(trade => trade.PositionId == position.PositionId, cancellationToken))
        {
            return null;
        }

        var addOnId = TradingIds.AddOn(position.PositionId);
        var addedOn = await database.Orders.Where(order => order.OrderId == addOnId).Select(order => order.FilledQuantity).FirstOrDefaultAsync(cancellationToken);
        var firstEntryPrice = addedOn > 0 ? await FirstEntryPriceAsync(database, position, cancellationToken) : position.EntryPrice;
        var initialRisk = Math.Abs(firstEntryPrice - position.InitialStop) * position.OriginalQuantity;
        var trade = new TradeRecord
        {
            TradeId = TradingIds.TradeOf(position.PositionId),
            PositionId = position.PositionId,
            SignalId = position.SignalId,
            Symbol = position.Symbol,
            Direction = position.Direction,
            Strategy = await database.Signals.Where(signal => signal.SignalId == position.SignalId).Select(signal => signal.Strategy).FirstOrDefaultAsync(cancellationToken)
                ?? position.Origin.ToString(),
            EntryPrice = position.EntryPrice,
            ExitPrice = exitPrice,
            Quantity = position.OriginalQuantity + addedOn,
            RealizedPnl = position.RealizedPnl,
            Fees = position.Fees,
            Funding = position.Funding,
            RMultiple = initialRisk > 0 ? position.RealizedPnl / initialRisk : 0,
            InitialRisk = initialRisk,
            ExitReason = reason,
            OpenedAt = position.OpenedAt,
            ClosedAt = closedAt,
        };
        database.Trades.Add(trade);
        Outbox.Event(database, new TradeClosed(trade.TradeId, trade.PositionId, trade.Symbol, trade.Direction, trade.EntryPrice, trade.ExitPrice, trade.Quantity,
            trade.RealizedPnl, trade.Fees, trade.RMultiple, trade.ExitReason, trade.OpenedAt, trade.ClosedAt), correlationId, now);
        return trade;
    }

    /// <summary>The fills of every order that reduced the position (take-profits, stops, exits); entries and the add-on excluded.</summary>
    private static async Task<List<FillRecord>> ExitFillsAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        var exitOrders = database.Orders
            .Where(order => order.PositionId == position.PositionId && order.Purpose != OrderPurpose.Entry && order.Purpose != OrderPurpose.AddOn)
            .Select(order => order.OrderId);
        return await database.Fills.Where(fill => exitOrders.Contains(fill.OrderId)).ToListAsync(cancellationToken);
    }

    /// <summary>The average price of the entry proper (the add-on excluded), from its fills; the position's price without them.</summary>
    private static async Task<decimal> FirstEntryPriceAsync(TradingDbContext database, PositionRecord position, CancellationToken cancellationToken)
    {
        var entryOrders = database.Orders.Where(order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.Entry).Select(order => order.OrderId);
        var fills = await database.Fills.Where(fill => entryOrders.Contains(fill.OrderId)).ToListAsync(cancellationToken);
        var quantity = fills.Sum(fill => fill.Quantity);
        return quantity > 0 ? fills.Sum(fill => fill.Price * fill.Quantity) / quantity : position.EntryPrice;
    }
}
