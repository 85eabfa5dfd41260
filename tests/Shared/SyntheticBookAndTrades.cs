using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

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
        var bestBid = instrument.FloorPriceToTick(last.Close);
        return SyntheticBook.Build(
            instrument,
            bestBid,
            bestBid + instrument.TickSize,
            SyntheticBook.LevelStep(instrument, last.Close),
            Math.Max(last.Volume / 40, instrument.MinOrderQty),
            depth,
            new Random(SyntheticSeeds.Of(instrument.Symbol, barIndex)),
            time,
            updateId: barIndex,
            sequence: barIndex);
    }

    public static IReadOnlyList<Trade> Trades(Instrument instrument, Candle last, int barIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(last);
        var random = new Random(SyntheticSeeds.Of(instrument.Symbol, barIndex) ^ 0x5bd1e995);
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
}
