using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Domain.Tests.Simulation;

/// <summary>
/// How hard the simulated market is, measured the way docs/SIMULATOR.md reports it (the figures printed here are the
/// ones written there): fat-tailed returns, a spread that is one tick when calm and wider when fast, hundreds of
/// trades a minute for liquid symbols, wicks that reverse inside the bar.
/// </summary>
public class StylisedFactsTests(ITestOutputHelper output)
{
    private const int Bars = 600;
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SyntheticMarket_StylisedFacts_FatTailsWidenedSpreadsBusyTapeReversingWicks()
    {
        var market = new SyntheticMarket(20261126, Start);
        var series = market.Symbols.Select(_ => new List<Candle>()).ToArray();
        for (var b = 0; b < Bars; b++)
        {
            var next = market.NextBars();
            for (var s = 0; s < next.Count; s++)
            {
                series[s].Add(next[s]);
            }
        }

        var barReturns = new List<double>();
        var wickToRange = new List<double>();
        foreach (var bars in series)
        {
            for (var b = 1; b < bars.Count; b++)
            {
                barReturns.Add(Math.Log((double)bars[b].Close / (double)bars[b - 1].Close));
            }

            wickToRange.AddRange(bars.Where(bar => bar.High > bar.Low).Select(bar => 1 - (double)(Math.Abs(bar.Close - bar.Open) / (bar.High - bar.Low))));
        }

        // The tape of BTCUSDT (the busiest) and of the quietest symbol, over the last 100 bars.
        var tapeFacts = new[] { 0, market.Symbols.Count - 1 }.Select(s =>
        {
            var instrument = market.Instruments[s];
            var prints = 0;
            var spreadsTicks = new List<double>();
            var printReturns = new List<double>();
            for (var b = Bars - 100; b < Bars; b++)
            {
                var tape = IntrabarPath.Generate(instrument, series[s][b], b, SyntheticSeeds.Of(instrument.Symbol, b));
                prints += tape.Count;
                for (var i = 0; i < tape.Count; i++)
                {
                    if (i > 0)
                    {
                        printReturns.Add(Math.Log((double)tape.PriceOf(i) / (double)tape.PriceOf(i - 1)));
                    }

                    if (i % 5 == 0)
                    {
                        var book = SyntheticBook.After(tape, i, 1, i, i);
                        spreadsTicks.Add((double)((book.BestAsk!.Value.Price - book.BestBid!.Value.Price) / instrument.TickSize));
                    }
                }
            }

            return (instrument.Symbol, TradesPerMinute: prints / (100 * 5.0), Spreads: spreadsTicks, PrintKurtosis: ExcessKurtosis(printReturns));
        }).ToList();

        var barKurtosis = ExcessKurtosis(barReturns);
        output.WriteLine($"5-minute return excess kurtosis (32 symbols x {Bars} bars): {barKurtosis:F2}");
        output.WriteLine($"wick share of the bar's range: median {Percentile(wickToRange, 0.5):F2}, p90 {Percentile(wickToRange, 0.9):F2}");
        foreach (var (symbol, perMinute, spreads, printKurtosis) in tapeFacts)
        {
            output.WriteLine($"{symbol}: {perMinute:F0} trades/min; spread ticks p50 {Percentile(spreads, 0.5)} p90 {Percentile(spreads, 0.9)} p99 {Percentile(spreads, 0.99)} max {spreads.Max()}; per-print return excess kurtosis {printKurtosis:F1}");
        }

        Assert.True(barKurtosis > 1, $"5-minute returns have fat tails (excess kurtosis {barKurtosis:F2})");
        Assert.InRange(Percentile(wickToRange, 0.5), 0.2, 0.9);
        Assert.True(tapeFacts[0].TradesPerMinute >= 100, "the busiest symbol prints hundreds of trades a minute");
        Assert.All(tapeFacts, facts =>
        {
            Assert.Equal(1, Percentile(facts.Spreads, 0.5));
            Assert.True(facts.Spreads.Max() > 2, "the spread widens in fast moves");
            Assert.True(facts.PrintKurtosis > 3, "tick returns are fat-tailed (clustered volatility, jumps)");
        });
    }

    private static double ExcessKurtosis(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var m2 = values.Average(value => Math.Pow(value - mean, 2));
        var m4 = values.Average(value => Math.Pow(value - mean, 4));
        return (m4 / (m2 * m2)) - 3;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }
}
