using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// The order book standing after a print of an <see cref="IntrabarTape"/>, deterministically: the print traded at the
/// touch (a buy took the best ask, a sell hit the best bid); the spread is one tick in an ordinary market and widens
/// with the market's speed (<see cref="IntrabarTape.SpeedAt"/>: two more ticks per unit above 1.5, at most 20); depth
/// thins as the speed grows and grows away from the touch. Levels are one tick apart near a small price and 1 bp apart otherwise.
/// Resting walls stand at round numbers (<see cref="RoundNumberStep"/>): the book level at or just beyond each round price
/// within the book holds <see cref="WallMultiple"/> times the side's median level, and, since the book only ever shows prices on
/// its own side of the last print, a wall is gone the moment the price trades through it — what a density confirmation
/// looks for.
/// </summary>
public static class SyntheticBook
{
    private const int MaxSpreadTicks = 20;

    /// <summary>A round-number wall's size, in multiples of the median level of its side of the book.</summary>
    public const decimal WallMultiple = 8m;

    public static OrderBookSnapshot After(IntrabarTape tape, int printIndex, int depth, long updateId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentOutOfRangeException.ThrowIfNegative(printIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(printIndex, tape.Count);
        var instrument = tape.Instrument;
        var tick = instrument.TickSize;
        var price = tape.PriceOf(printIndex);
        var speed = tape.SpeedAt(printIndex);
        var spreadTicks = (int)Math.Min(MaxSpreadTicks, 1 + Math.Floor(Math.Max(0, speed - 1.5) * 2));
        var (bestBid, bestAsk) = tape.SideOf(printIndex) == TakerSide.Buy
            ? (price - (spreadTicks * tick), price)
            : (price, price + (spreadTicks * tick));
        var thinning = 1m / (1m + (decimal)Math.Min(Math.Max(0, speed - 1), 20));
        var typical = Math.Max(tape.Bar.Volume / 40 * thinning, instrument.MinOrderQty);
        var random = new Random(SyntheticSeeds.Of(instrument.Symbol, tape.BarIndex, printIndex));
        var book = Build(instrument, bestBid, bestAsk, LevelStep(instrument, bestBid), typical, depth, random, tape.TimeOf(printIndex), updateId, sequence);
        return WithRoundNumberWalls(book, instrument, RoundNumberStep(price));
    }

    /// <summary>
    /// The spacing of the round numbers walls rest at: the power of ten nearest to 0.5 % of <paramref name="price"/>
    /// (100 at 60,000, 10 at 3,000, 1 at 150, 0.001 at 0.55), so a book of 50 levels 1 bp apart reaches one or two.
    /// </summary>
    public static decimal RoundNumberStep(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var exponent = (int)Math.Round(Math.Log10((double)price * 0.005), MidpointRounding.AwayFromZero);
        var step = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            step = exponent > 0 ? step * 10 : step / 10;
        }

        return step;
    }

    /// <summary>Raises the first level at or beyond each round number (from the touch outwards) to <see cref="WallMultiple"/> times the side's median level.</summary>
    private static OrderBookSnapshot WithRoundNumberWalls(OrderBookSnapshot book, Instrument instrument, decimal roundStep)
    {
        return new OrderBookSnapshot(book.Symbol, Walled(book.Bids, bidSide: true), Walled(book.Asks, bidSide: false), book.Time, book.UpdateId, book.Sequence);

        // A level holds the wall of every round number between it and the level before it (nearer the touch); the touch
        // holds one only when it is a round number itself. Asks climb and bids fall away from the touch.
        List<PriceLevel> Walled(IReadOnlyList<PriceLevel> levels, bool bidSide)
        {
            var walled = new List<PriceLevel>(levels.Count);
            if (levels.Count == 0)
            {
                return walled;
            }

            var sizes = levels.Select(level => level.Quantity).Order().ToList();
            var wallSize = instrument.FloorQuantityToStep(sizes[sizes.Count / 2] * WallMultiple);
            for (var i = 0; i < levels.Count; i++)
            {
                var level = levels[i];
                var holdsWall = i == 0
                    ? level.Price % roundStep == 0
                    : bidSide
                        ? decimal.Ceiling(level.Price / roundStep) < decimal.Ceiling(levels[i - 1].Price / roundStep)
                        : decimal.Floor(level.Price / roundStep) > decimal.Floor(levels[i - 1].Price / roundStep);
                walled.Add(holdsWall ? level with { Quantity = Math.Max(level.Quantity, wallSize) } : level);
            }

            return walled;
        }
    }

    /// <summary>One tick near a small price, else 1 bp of <paramref name="price"/> on the tick.</summary>
    public static decimal LevelStep(Instrument instrument, decimal price)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Math.Max(instrument.TickSize, instrument.FloorPriceToTick(price * 0.0001m));
    }

    /// <summary>
    /// A book with the given touch: <paramref name="depth"/> levels a side, <paramref name="step"/> apart, sizes near
    /// <paramref name="typicalQuantity"/> (drawn bid then ask, level by level, growing away from the touch).
    /// </summary>
    public static OrderBookSnapshot Build(Instrument instrument, decimal bestBid, decimal bestAsk, decimal step, decimal typicalQuantity, int depth, Random random, DateTimeOffset time, long updateId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(random);
        var bids = new List<PriceLevel>(depth);
        var asks = new List<PriceLevel>(depth);
        for (var level = 0; level < depth; level++)
        {
            var bidPrice = bestBid - (step * level);
            if (bidPrice > 0)
            {
                bids.Add(new PriceLevel(bidPrice, Quantity(instrument, typicalQuantity, level, random)));
            }

            asks.Add(new PriceLevel(bestAsk + (step * level), Quantity(instrument, typicalQuantity, level, random)));
        }

        return new OrderBookSnapshot(instrument.Symbol, bids, asks, time, updateId, sequence);
    }

    private static decimal Quantity(Instrument instrument, decimal typical, int level, Random random) =>
        Math.Max(instrument.FloorQuantityToStep(typical * (decimal)(0.4 + random.NextDouble()) * (1 + (level / 10m))), instrument.MinOrderQty);
}
