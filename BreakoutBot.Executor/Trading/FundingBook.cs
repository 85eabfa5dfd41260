using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Executor.Venue;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

/// <summary>Funding: what the venue settled on our positions is booked on them, once per settlement (run by reconciliation).</summary>
public sealed class FundingBook(IVenue venue, ILogger<FundingBook> logger)
{
    /// <summary>
    /// Books the venue's new funding settlements: each is added to the realised PnL (and funding) of our position on its
    /// symbol — the one open now (of <paramref name="active"/>), else the last one closed (and its trade) — and recorded
    /// by its transaction id, so a settlement seen again changes nothing. Settlements on symbols none of ours held (or
    /// only an External position holds) are recorded without a position. Saves.
    /// </summary>
    public async Task BookAsync(TradingDbContext database, IReadOnlyList<PositionRecord> active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(active);
        var settlements = await venue.GetRecentFundingAsync(cancellationToken);
        if (settlements.Count == 0)
        {
            return;
        }

        var ids = settlements.Select(settlement => settlement.Id).ToList();
        var booked = await database.FundingPayments.Where(payment => ids.Contains(payment.TransactionId)).Select(payment => payment.TransactionId).ToListAsync(cancellationToken);
        foreach (var settlement in settlements.Where(settlement => !booked.Contains(settlement.Id)).OrderBy(settlement => settlement.Time))
        {
            var symbol = settlement.Symbol.Value;
            var position = active.FirstOrDefault(candidate => candidate.Symbol == symbol && candidate.Origin != PositionOrigin.External)
                ?? await database.Positions
                    .Where(candidate => candidate.Symbol == symbol && candidate.Status == PositionRecordStatus.Closed && candidate.Origin != PositionOrigin.External)
                    .OrderByDescending(candidate => candidate.ClosedAt)
                    .FirstOrDefaultAsync(cancellationToken);
            if (position is not null)
            {
                position.Funding += settlement.Funding;
                position.RealizedPnl += settlement.Funding;
                if (position.Status == PositionRecordStatus.Closed
                    && await database.Trades.FirstOrDefaultAsync(trade => trade.PositionId == position.PositionId, cancellationToken) is { } trade)
                {
                    trade.Funding += settlement.Funding;
                    trade.RealizedPnl += settlement.Funding;
                }

                Log.FundingBooked(logger, symbol, settlement.Funding, position.PositionId);
            }

            database.FundingPayments.Add(new FundingPaymentRecord
            {
                TransactionId = settlement.Id,
                PositionId = position?.PositionId,
                Symbol = symbol,
                Amount = settlement.Funding,
                SettledAt = settlement.Time,
            });
        }

        await database.SaveChangesAsync(cancellationToken);
    }
}
