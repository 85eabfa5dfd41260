using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// The engine's copy of the latest venue book, from which our own taker fills remove liquidity until the next snapshot
/// replaces it, so two orders cannot both take the same resting quantity.
/// </summary>
internal sealed class WorkingBook
{
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];

    public DateTimeOffset? Time { get; private set; }

    public long UpdateId { get; private set; }

    public void Replace(OrderBookSnapshot snapshot)
    {
        _bids.Clear();
        _bids.AddRange(snapshot.Bids);
        _asks.Clear();
        _asks.AddRange(snapshot.Asks);
        Time = snapshot.Time;
        UpdateId = snapshot.UpdateId;
    }

    /// <summary>The levels an order on <paramref name="side"/> takes from, best first: asks for a buy, bids for a sell.</summary>
    public IReadOnlyList<PriceLevel> OppositeOf(OrderSide side) => side == OrderSide.Buy ? _asks : _bids;

    public PriceLevel? BestOppositeOf(OrderSide side) => OppositeOf(side) is { Count: > 0 } levels ? levels[0] : null;

    /// <summary>Removes <paramref name="quantity"/> from the best opposite level (the only one a fill ever takes from).</summary>
    public void ConsumeBest(OrderSide side, decimal quantity)
    {
        var levels = side == OrderSide.Buy ? _asks : _bids;
        var best = levels[0];
        if (quantity >= best.Quantity)
        {
            levels.RemoveAt(0);
        }
        else
        {
            levels[0] = best with { Quantity = best.Quantity - quantity };
        }
    }
}
