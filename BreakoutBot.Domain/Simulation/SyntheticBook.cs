using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// The order book standing after a print of an <see cref="IntrabarTape"/>, deterministically: the print traded at the
/// touch (a buy took the best ask, a sell hit the best bid); the spread is one tick in an ordinary market and widens
/// with the market's speed (<see cref="IntrabarTape.SpeedAt"/>: two more ticks per unit above 1.5, at most 20); depth
/// thins as the speed grows and grows away from the touch. Levels are one tick apart near a small price and 1 bp apart otherwise.
/// </summary>
public static class SyntheticBook
{
    private const int MaxSpreadTicks = 20;

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
        return Build(instrument, bestBid, bestAsk, LevelStep(instrument, bestBid), typical, depth, random, tape.TimeOf(printIndex), updateId, sequence);
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
