using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Simulator.Trading;

/// <summary>Fault injection: a copy of a book whose side an order takes from holds only a share of the order's quantity.</summary>
internal static class ThinnedBook
{
    public static OrderBookSnapshot For(OrderBookSnapshot book, OrderRequest request, decimal share, Instrument instrument)
    {
        var available = instrument.FloorQuantityToStep(request.Quantity * share);
        var opposite = request.Side == OrderSide.Buy ? book.Asks : book.Bids;
        var kept = new List<PriceLevel>();
        foreach (var level in opposite)
        {
            if (available <= 0)
            {
                break;
            }

            var quantity = Math.Min(level.Quantity, available);
            kept.Add(new PriceLevel(level.Price, quantity));
            available -= quantity;
        }

        // A distinct update id, so the engine takes it; the market's next book replaces it.
        var updateId = -Math.Abs(book.UpdateId) - 1;
        return request.Side == OrderSide.Buy
            ? new OrderBookSnapshot(book.Symbol, book.Bids, kept, book.Time, updateId, book.Sequence)
            : new OrderBookSnapshot(book.Symbol, kept, book.Asks, book.Time, updateId, book.Sequence);
    }
}
