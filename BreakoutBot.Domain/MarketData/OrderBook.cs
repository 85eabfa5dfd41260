using System.Globalization;
using System.Runtime.CompilerServices;

namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// A local copy of a Bybit <c>orderbook.{depth}.{symbol}</c> stream: a snapshot replaces the book, a delta
/// overwrites levels by price (quantity 0 deletes the level), and update ids must follow on by one.
/// </summary>
/// <remarks>
/// Not thread-safe: one stream's messages arrive in order and should be applied by one reader.
/// Levels are keyed by decimal value, so <c>"66666.6"</c> and <c>"66666.60"</c> are the same level.
/// </remarks>
public sealed class OrderBook
{
    private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create(static (a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    public OrderBook(InstrumentSymbol symbol)
    {
        Symbol = symbol;
    }

    public InstrumentSymbol Symbol { get; }

    /// <summary>False until the first snapshot, and again after a gap, until the next snapshot.</summary>
    public bool IsSynchronized { get; private set; }

    public long UpdateId { get; private set; }

    public long Sequence { get; private set; }

    public DateTimeOffset Time { get; private set; }

    /// <summary>
    /// Replaces the whole book. Bybit sends a snapshot first, again after internal problems, and with <c>u = 1</c>
    /// after a service restart; all of them mean "start over".
    /// </summary>
    public void ApplySnapshot(IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks, long updateId, long sequence, DateTimeOffset time)
    {
        var bidLevels = Validated(bids);
        var askLevels = Validated(asks);
        _bids.Clear();
        _asks.Clear();
        Overwrite(_bids, bidLevels);
        Overwrite(_asks, askLevels);
        UpdateId = updateId;
        Sequence = sequence;
        Time = time;
        IsSynchronized = true;
    }

    /// <summary>
    /// Applies changed levels if <paramref name="updateId"/> follows the book's by exactly one. Bybit documents
    /// <c>u</c> only as "generally continuous"; treating a jump as a gap trades a resubscribe for never
    /// trading on a book with missing levels.
    /// </summary>
    public OrderBookUpdateResult ApplyDelta(IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks, long updateId, long sequence, DateTimeOffset time)
    {
        var bidLevels = Validated(bids);
        var askLevels = Validated(asks);
        if (!IsSynchronized)
        {
            return OrderBookUpdateResult.AwaitingSnapshot;
        }

        if (updateId <= UpdateId)
        {
            return OrderBookUpdateResult.Stale;
        }

        if (updateId != UpdateId + 1)
        {
            IsSynchronized = false;
            return OrderBookUpdateResult.Gap;
        }

        Overwrite(_bids, bidLevels);
        Overwrite(_asks, askLevels);
        UpdateId = updateId;
        Sequence = sequence;
        Time = time;
        return OrderBookUpdateResult.Applied;
    }

    /// <summary>An immutable copy for measuring; null while the book is not synchronized, so stale levels are never measured.</summary>
    public OrderBookSnapshot? ToSnapshot() =>
        IsSynchronized
            ? new OrderBookSnapshot(
                Symbol,
                _bids.Select(static level => new PriceLevel(level.Key, level.Value)),
                _asks.Select(static level => new PriceLevel(level.Key, level.Value)),
                Time,
                UpdateId,
                Sequence)
            : null;

    /// <summary>Checks every level before any is applied, so a bad message cannot leave a half-updated book.</summary>
    private static PriceLevel[] Validated(IEnumerable<PriceLevel> levels, [CallerArgumentExpression(nameof(levels))] string paramName = "")
    {
        ArgumentNullException.ThrowIfNull(levels, paramName);
        var array = levels.ToArray();
        foreach (var level in array)
        {
            if (level.Price <= 0 || level.Quantity < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Order-book update level {level.Quantity} @ {level.Price} needs a positive price and a non-negative quantity."),
                    paramName);
            }
        }

        return array;
    }

    private static void Overwrite(SortedDictionary<decimal, decimal> side, PriceLevel[] levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity == 0)
            {
                side.Remove(level.Price);
            }
            else
            {
                side[level.Price] = level.Quantity;
            }
        }
    }
}
