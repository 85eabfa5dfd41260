using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// One <c>orderbook.{depth}.{symbol}</c> push. A snapshot replaces the book, and so does a message with update id 1
/// (the venue restarted its book); otherwise it is a delta in which quantity 0 deletes a level.
/// </summary>
public sealed record OrderBookMessage(
    InstrumentSymbol Symbol,
    bool IsSnapshot,
    IReadOnlyList<PriceLevel> Bids,
    IReadOnlyList<PriceLevel> Asks,
    long UpdateId,
    long Sequence,
    DateTimeOffset Time)
{
    public bool ReplacesBook => IsSnapshot || UpdateId == 1;

    /// <summary>Applies this message to a local book; a gap or an out-of-order delta is reported, never applied.</summary>
    public OrderBookUpdateResult ApplyTo(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (ReplacesBook)
        {
            book.ApplySnapshot(Bids, Asks, UpdateId, Sequence, Time);
            return OrderBookUpdateResult.Applied;
        }

        return book.ApplyDelta(Bids, Asks, UpdateId, Sequence, Time);
    }
}
