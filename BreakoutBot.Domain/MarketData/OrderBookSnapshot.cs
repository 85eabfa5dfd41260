using System.Globalization;

namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// An immutable L2 book at one moment, with the liquidity measures the scanner filters on.
/// Bids are sorted by price descending and asks ascending, whatever order they were given in.
/// </summary>
/// <remarks>
/// Measures that need both sides (mid, spread, depth around mid) are null when a side is empty; one-sided measures
/// (depth from each best price, imbalance) still work, and imbalance is null only when there is nothing to compare.
/// </remarks>
public sealed class OrderBookSnapshot
{
    private const decimal BpsPerUnit = 10_000m;

    private readonly PriceLevel[] _bids;
    private readonly PriceLevel[] _asks;

    /// <param name="updateId">Bybit's <c>u</c>.</param>
    /// <param name="sequence">Bybit's <c>seq</c> (cross sequence), which orders books of different depths.</param>
    /// <exception cref="ArgumentException">A level has a non-positive price or quantity, or a price appears twice on one side.</exception>
    public OrderBookSnapshot(
        InstrumentSymbol symbol,
        IEnumerable<PriceLevel> bids,
        IEnumerable<PriceLevel> asks,
        DateTimeOffset time,
        long updateId = 0,
        long sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        Symbol = symbol;
        Time = time;
        UpdateId = updateId;
        Sequence = sequence;
        _bids = SortedLevels(bids, descending: true, nameof(bids));
        _asks = SortedLevels(asks, descending: false, nameof(asks));
        Bids = Array.AsReadOnly(_bids);
        Asks = Array.AsReadOnly(_asks);
    }

    public InstrumentSymbol Symbol { get; }

    /// <summary>When the venue produced the book.</summary>
    public DateTimeOffset Time { get; }

    public long UpdateId { get; }

    public long Sequence { get; }

    /// <summary>Best (highest) bid first.</summary>
    public IReadOnlyList<PriceLevel> Bids { get; }

    /// <summary>Best (lowest) ask first.</summary>
    public IReadOnlyList<PriceLevel> Asks { get; }

    public PriceLevel? BestBid => _bids.Length > 0 ? _bids[0] : null;

    public PriceLevel? BestAsk => _asks.Length > 0 ? _asks[0] : null;

    public bool HasBothSides => _bids.Length > 0 && _asks.Length > 0;

    /// <summary>True when the best bid is at or above the best ask, which a consistent venue book never is.</summary>
    public bool IsCrossed => HasBothSides && _bids[0].Price >= _asks[0].Price;

    public decimal? MidPrice => HasBothSides ? (_bids[0].Price + _asks[0].Price) / 2 : null;

    /// <summary>Best ask − best bid, in quote currency per base coin.</summary>
    public decimal? Spread => HasBothSides ? _asks[0].Price - _bids[0].Price : null;

    /// <summary>The spread relative to the mid price, in basis points (1 bp = 0.01 %).</summary>
    public decimal? SpreadBps => MidPrice is { } mid ? (_asks[0].Price - _bids[0].Price) / mid * BpsPerUnit : null;

    /// <summary>
    /// Liquidity resting within <paramref name="bandBps"/> of the mid price on each side: bids priced at or above
    /// mid × (1 − band), asks at or below mid × (1 + band). Null when a side is empty (no mid).
    /// </summary>
    public BookDepth? DepthWithinBpsOfMid(decimal bandBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bandBps);
        if (MidPrice is not { } mid)
        {
            return null;
        }

        var band = bandBps / BpsPerUnit;
        return Depth(mid * (1 - band), mid * (1 + band));
    }

    /// <summary><see cref="DepthWithinBpsOfMid"/> with the band in percent: 0.5 means ±0.5 % of mid.</summary>
    public BookDepth? DepthWithinPercentOfMid(decimal bandPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bandPercent);
        return DepthWithinBpsOfMid(bandPercent * 100);
    }

    /// <summary>
    /// Liquidity within <paramref name="bandBps"/> of each side's own best price (bids down from the best bid, asks
    /// up from the best ask), as the original bot measured it. Defined for one-sided books: the empty side counts zero.
    /// </summary>
    public BookDepth DepthWithinBpsOfBestPrices(decimal bandBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bandBps);
        var band = bandBps / BpsPerUnit;
        var lowestBid = _bids.Length > 0 ? _bids[0].Price * (1 - band) : decimal.MaxValue;
        var highestAsk = _asks.Length > 0 ? _asks[0].Price * (1 + band) : decimal.MinValue;
        return Depth(lowestBid, highestAsk);
    }

    /// <summary>
    /// (bid quantity − ask quantity) / (bid quantity + ask quantity) over the best <paramref name="levels"/> levels per
    /// side, in [−1, 1]: positive means more resting buyers. ±1 for a one-sided book, null for an empty one.
    /// </summary>
    public decimal? QuantityImbalance(int levels) => Imbalance(levels, static level => level.Quantity);

    /// <summary>As <see cref="QuantityImbalance"/>, but weighting each level by its notional (the original bot's measure).</summary>
    public decimal? NotionalImbalance(int levels) => Imbalance(levels, static level => level.Notional);

    private BookDepth Depth(decimal lowestBidPrice, decimal highestAskPrice)
    {
        decimal bidQuantity = 0, bidNotional = 0, askQuantity = 0, askNotional = 0;
        foreach (var level in _bids)
        {
            if (level.Price < lowestBidPrice)
            {
                break;
            }

            bidQuantity += level.Quantity;
            bidNotional += level.Notional;
        }

        foreach (var level in _asks)
        {
            if (level.Price > highestAskPrice)
            {
                break;
            }

            askQuantity += level.Quantity;
            askNotional += level.Notional;
        }

        return new BookDepth(bidQuantity, askQuantity, bidNotional, askNotional);
    }

    private decimal? Imbalance(int levels, Func<PriceLevel, decimal> weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(levels);
        var bidWeight = _bids.Take(levels).Sum(weight);
        var askWeight = _asks.Take(levels).Sum(weight);
        var total = bidWeight + askWeight;
        return total == 0 ? null : (bidWeight - askWeight) / total;
    }

    private static PriceLevel[] SortedLevels(IEnumerable<PriceLevel> levels, bool descending, string paramName)
    {
        var sorted = levels.ToArray();
        foreach (var level in sorted)
        {
            if (level.Price <= 0 || level.Quantity <= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Order-book level {level.Quantity} @ {level.Price} needs a positive price and quantity."),
                    paramName);
            }
        }

        Array.Sort(sorted, descending
            ? static (a, b) => b.Price.CompareTo(a.Price)
            : static (a, b) => a.Price.CompareTo(b.Price));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Price == sorted[i - 1].Price)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Order-book price {sorted[i].Price} appears twice on one side."), paramName);
            }
        }

        return sorted;
    }
}
