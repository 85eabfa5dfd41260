using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Testing;

/// <summary>
/// Test inputs: an order book and public trades derived from a closed bar, deterministically (seeded by symbol and bar
/// index): a book centred on the close with one-tick spread and depth thinning away from the mid; trades spread over the
/// bar's range and time. This is what the simulator served before its market moved inside the bar; the scanner's
/// recorded-output test and benchmark keep it so their pinned inputs stay the same.
/// </summary>
internal static class SyntheticBookAndTrades
{
    public static OrderBookSnapshot OrderBook(Instrument instrument, Candle last, int barIndex, int depth, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(last);
        var random = new Random(Seed(instrument.Symbol, barIndex));
        var tick = instrument.TickSize;
        var step = Math.Max(tick, instrument.FloorPriceToTick(last.Close * 0.0001m));
        var bestBid = instrument.FloorPriceToTick(last.Close);
        var bestAsk = bestBid + tick;
        var typicalQuantity = Math.Max(last.Volume / 40, instrument.MinOrderQty);
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

        return new OrderBookSnapshot(instrument.Symbol, bids, asks, time, updateId: barIndex, sequence: barIndex);
    }

    public static IReadOnlyList<Trade> Trades(Instrument instrument, Candle last, int barIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(last);
        var random = new Random(Seed(instrument.Symbol, barIndex) ^ 0x5bd1e995);
        var trades = new List<Trade>(count);
        var span = last.CloseTime - last.OpenTime;
        for (var i = 0; i < count; i++)
        {
            var price = instrument.RoundPriceToTick(last.Low + ((last.High - last.Low) * (decimal)random.NextDouble()));
            price = Math.Clamp(price, last.Low, last.High);
            var size = Math.Max(instrument.FloorQuantityToStep(last.Volume / (count * 4) * (decimal)(0.5 + random.NextDouble())), instrument.QtyStep);
            var at = last.OpenTime + (span * ((i + 0.5) / count));
            var side = price >= last.Open ? TakerSide.Buy : TakerSide.Sell;
            trades.Add(new Trade(instrument.Symbol, $"sim-{instrument.Symbol}-{barIndex}-{i}", at, price, size, side, isBlockTrade: false));
        }

        return trades;
    }

    private static decimal Quantity(Instrument instrument, decimal typical, int level, Random random) =>
        Math.Max(instrument.FloorQuantityToStep(typical * (decimal)(0.4 + random.NextDouble()) * (1 + (level / 10m))), instrument.MinOrderQty);

    private static int Seed(InstrumentSymbol symbol, int barIndex)
    {
        var hash = 17;
        foreach (var character in symbol.Value)
        {
            hash = unchecked((hash * 31) + character);
        }

        return unchecked((hash * 486_187_739) + barIndex);
    }
}
