using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Domain.Tests.Simulation;

public class IntrabarPathTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static (Instrument Instrument, List<Candle> Bars) Market(int symbolIndex, int bars, int seed = 42)
    {
        var market = new SyntheticMarket(seed, Start);
        var series = new List<Candle>();
        for (var i = 0; i < bars; i++)
        {
            series.Add(market.NextBars()[symbolIndex]);
        }

        return (market.Instruments[symbolIndex], series);
    }

    [Fact]
    public void Generate_EveryBar_TapeRebuildsTheBarExactly()
    {
        foreach (var symbolIndex in new[] { 0, 4, 28 })
        {
            var (instrument, bars) = Market(symbolIndex, 120);
            for (var b = 0; b < bars.Count; b++)
            {
                var bar = bars[b];
                var tape = IntrabarPath.Generate(instrument, bar, b, seed: b);

                Assert.True(tape.Count >= 20, $"{instrument.Symbol} bar {b}: {tape.Count} prints");
                Assert.Equal(bar.Open, tape.PriceOf(0));
                Assert.Equal(bar.Close, tape.PriceOf(tape.Count - 1));
                var summary = tape.Summarise(0, tape.Count)!.Value;
                Assert.Equal(bar.High, summary.High);
                Assert.Equal(bar.Low, summary.Low);
                Assert.Equal(bar.Volume, summary.Volume);
                Assert.Equal(bar.OpenTime, tape.TimeOf(0));
                Assert.True(tape.TimeOf(tape.Count - 1) < bar.CloseTime);
                for (var i = 0; i < tape.Count; i++)
                {
                    Assert.True(instrument.IsOnTick(tape.PriceOf(i)), $"price {tape.PriceOf(i)} off tick");
                    Assert.True(tape.SizeOf(i) >= instrument.QtyStep && instrument.IsOnLotStep(tape.SizeOf(i)), $"size {tape.SizeOf(i)}");
                    Assert.True(i == 0 || tape.TimeOf(i) >= tape.TimeOf(i - 1), "prints out of time order");
                }

                Assert.Equal(bar, tape.SoFar(tape.Count));
            }
        }
    }

    [Fact]
    public void Generate_SameInputsAndSeed_SameTape_OtherSeed_OtherTape()
    {
        var (instrument, bars) = Market(0, 5);
        var first = IntrabarPath.Generate(instrument, bars[^1], 4, seed: 7);
        var second = IntrabarPath.Generate(instrument, bars[^1], 4, seed: 7);
        var other = IntrabarPath.Generate(instrument, bars[^1], 4, seed: 8);

        Assert.Equal(Enumerable.Range(0, first.Count).Select(first.ToTrade), Enumerable.Range(0, second.Count).Select(second.ToTrade));
        Assert.NotEqual(
            Enumerable.Range(0, first.Count).Select(i => (first.PriceOf(i), first.TimeOf(i))),
            Enumerable.Range(0, other.Count).Select(i => (other.PriceOf(i), other.TimeOf(i))));
    }

    [Fact]
    public void Generate_RisingBars_VisitTheLowBeforeTheHighMostOfTheTime()
    {
        var (instrument, bars) = Market(1, 600);
        int rising = 0, lowFirst = 0;
        for (var b = 0; b < bars.Count; b++)
        {
            if (bars[b].Close <= bars[b].Open || bars[b].Low == bars[b].Open)
            {
                continue;
            }

            var tape = IntrabarPath.Generate(instrument, bars[b], b, seed: b);
            var firstLow = Enumerable.Range(0, tape.Count).First(i => tape.PriceOf(i) == bars[b].Low);
            var firstHigh = Enumerable.Range(0, tape.Count).First(i => tape.PriceOf(i) == bars[b].High);
            rising++;
            lowFirst += firstLow < firstHigh ? 1 : 0;
        }

        // The rule says 0.7; neither always (a backtest would always see the friendly order) nor never.
        var share = (double)lowFirst / rising;
        Assert.InRange(share, 0.55, 0.85);
    }

    [Fact]
    public void SoFar_PartOfTheTape_IsAnOpenBarOfThePrintsSoFar()
    {
        var (instrument, bars) = Market(0, 3);
        var tape = IntrabarPath.Generate(instrument, bars[^1], 2, seed: 3);
        var half = tape.Count / 2;

        var partial = tape.SoFar(half)!;

        Assert.False(partial.IsClosed);
        Assert.Equal(tape.PriceOf(0), partial.Open);
        Assert.Equal(tape.PriceOf(half - 1), partial.Close);
        Assert.Equal(Enumerable.Range(0, half).Max(tape.PriceOf), partial.High);
        Assert.Equal(Enumerable.Range(0, half).Sum(tape.SizeOf), partial.Volume);
        Assert.Null(tape.SoFar(0));
        Assert.True(tape.CountAt(tape.TimeOf(half - 1)) >= half);
    }

    [Fact]
    public void Generate_VolatilityClusters_AbsoluteMovesAreAutocorrelated()
    {
        var (instrument, bars) = Market(0, 40);
        var moves = new List<double>();
        for (var b = 0; b < bars.Count; b++)
        {
            var tape = IntrabarPath.Generate(instrument, bars[b], b, seed: b);
            for (var i = 1; i < tape.Count; i++)
            {
                moves.Add((double)Math.Abs(tape.PriceOf(i) - tape.PriceOf(i - 1)));
            }
        }

        // Lag-1 autocorrelation of |return|: near zero for i.i.d. steps, clearly positive when volatility clusters.
        var mean = moves.Average();
        var numerator = 0.0;
        var denominator = 0.0;
        for (var i = 0; i < moves.Count; i++)
        {
            denominator += (moves[i] - mean) * (moves[i] - mean);
            if (i > 0)
            {
                numerator += (moves[i] - mean) * (moves[i - 1] - mean);
            }
        }

        Assert.True(numerator / denominator > 0.05, $"lag-1 autocorrelation of |moves| {numerator / denominator:F3}");
    }

    [Fact]
    public void SyntheticBook_FastMoves_WiderSpreadAndThinnerTouch()
    {
        var (instrument, bars) = Market(0, 60);
        var calm = new List<(decimal Spread, decimal Depth)>();
        var fast = new List<(decimal Spread, decimal Depth)>();
        for (var b = 0; b < bars.Count; b++)
        {
            var tape = IntrabarPath.Generate(instrument, bars[b], b, seed: b);
            for (var i = 0; i < tape.Count; i += 7)
            {
                var book = SyntheticBook.After(tape, i, 5, i, i);
                var spread = book.BestAsk!.Value.Price - book.BestBid!.Value.Price;
                var depth = book.Bids.Sum(level => level.Quantity);
                Assert.True(spread >= instrument.TickSize);
                Assert.True(tape.PriceOf(i) == book.BestBid.Value.Price || tape.PriceOf(i) == book.BestAsk.Value.Price, "the print is at the touch");
                (tape.SpeedAt(i) >= 3 ? fast : tape.SpeedAt(i) <= 1 ? calm : []).Add((spread, depth));
            }
        }

        Assert.NotEmpty(calm);
        Assert.NotEmpty(fast);
        Assert.True(fast.Average(x => x.Spread) > calm.Average(x => x.Spread));
        Assert.True(fast.Average(x => x.Depth) < calm.Average(x => x.Depth));
    }
}
