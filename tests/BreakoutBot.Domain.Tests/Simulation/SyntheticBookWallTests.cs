using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.OrderFlow;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Simulation;

/// <summary>The simulator's books hold walls at round numbers, which the density detector finds and a breakout eats.</summary>
public sealed class SyntheticBookWallTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Densities as <c>breakout_v1</c> measures them for its confirmation (2× the median bucket of 3 ticks).</summary>
    private static readonly DensityConfig Density = new() { KDensity = 2m, BucketTicks = 3, LookbackWindowS = 300 };

    [Theory]
    [InlineData(60_000.0, 100.0)]
    [InlineData(3_000.0, 10.0)]
    [InlineData(150.0, 1.0)]
    [InlineData(0.55, 0.001)]
    [InlineData(0.01, 0.0001)]
    public void RoundNumberStep_IsThePowerOfTenNearestHalfAPercentOfThePrice(double price, double step) =>
        Assert.Equal((decimal)step, SyntheticBook.RoundNumberStep((decimal)price));

    [Fact]
    public void After_TheFirstLevelAtOrBeyondARoundNumber_HoldsAWallTheDetectorFinds()
    {
        var (instrument, tapes) = Tapes(symbolIndex: 0, bars: 20);
        var walls = 0;
        foreach (var tape in tapes)
        {
            for (var i = 0; i < tape.Count; i += 11)
            {
                var book = SyntheticBook.After(tape, i, 50, i, i);
                var step = SyntheticBook.RoundNumberStep(tape.PriceOf(i));
                var round = decimal.Floor(book.Asks[^1].Price / step) * step;
                if (round < book.Asks[0].Price)
                {
                    continue; // no round number within this book's asks
                }

                var wall = book.Asks.First(level => level.Price >= round);
                var median = Median(book.Asks);
                Assert.True(wall.Quantity > 2 * median, $"the wall at {wall.Price} ({wall.Quantity}) against the median ask ({median})");
                Assert.Contains(DensityDetector.Find(book, instrument.TickSize, Density), zone => zone.Side == OrderSide.Sell && zone.Contains(wall.Price));
                walls++;
            }
        }

        Assert.True(walls > 10, $"only {walls} books reached a round number");
    }

    [Fact]
    public void After_PriceAboveARoundNumber_ItsWallStandsOnTheBidSideAndNotOnTheAsks()
    {
        var (_, tapes) = Tapes(symbolIndex: 0, bars: 20);
        var flipped = 0;
        foreach (var tape in tapes)
        {
            for (var i = 0; i < tape.Count; i += 11)
            {
                var book = SyntheticBook.After(tape, i, 50, i, i);
                var step = SyntheticBook.RoundNumberStep(tape.PriceOf(i));
                var below = (decimal.Ceiling(book.Asks[0].Price / step) - 1) * step;
                if (below < book.Bids[^1].Price || below > book.Bids[0].Price)
                {
                    continue; // beyond this book's bids, or inside the spread (being traded through right now)
                }

                // What was an ask wall while the price was under it is support now: the broken wall is gone from the asks.
                var wall = book.Bids.First(level => level.Price <= below);
                var median = Median(book.Bids);
                Assert.True(wall.Quantity > 2 * median, $"the bid wall at {wall.Price} ({wall.Quantity}) against the median bid ({median})");
                Assert.DoesNotContain(book.Asks, level => level.Price <= below);
                flipped++;
            }
        }

        Assert.True(flipped > 10, $"only {flipped} books had a round number under the touch");
    }

    private static decimal Median(IReadOnlyList<PriceLevel> levels)
    {
        var sorted = levels.Select(level => level.Quantity).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static (Instrument Instrument, List<IntrabarTape> Tapes) Tapes(int symbolIndex, int bars)
    {
        var market = new SyntheticMarket(42, Start);
        var tapes = new List<IntrabarTape>();
        for (var b = 0; b < bars; b++)
        {
            tapes.Add(IntrabarPath.Generate(market.Instruments[symbolIndex], market.NextBars()[symbolIndex], b, seed: b));
        }

        return (market.Instruments[symbolIndex], tapes);
    }
}
