using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Domain.Tests.Simulation;

public class SyntheticMarketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static List<Candle>[] Generate(int seed, int bars, IReadOnlyList<SyntheticSymbol>? symbols = null)
    {
        var market = new SyntheticMarket(seed, Start, symbols);
        var series = market.Symbols.Select(_ => new List<Candle>()).ToArray();
        for (var bar = 0; bar < bars; bar++)
        {
            var next = market.NextBars();
            for (var s = 0; s < next.Count; s++)
            {
                series[s].Add(next[s]);
            }
        }

        return series;
    }

    [Fact]
    public void NextBars_SameSeed_IdenticalMarkets()
    {
        var first = Generate(42, 300);
        var second = Generate(42, 300);

        Assert.Equal(first.Length, second.Length);
        for (var s = 0; s < first.Length; s++)
        {
            Assert.Equal(first[s], second[s]);
        }
    }

    [Fact]
    public void NextBars_DifferentSeeds_DifferentPaths()
    {
        Assert.NotEqual(Generate(1, 50)[0].Select(c => c.Close), Generate(2, 50)[0].Select(c => c.Close));
    }

    [Fact]
    public void NextBars_AddingASymbol_LeavesOthersUnchanged()
    {
        var few = Generate(7, 200, SyntheticUniverse.Default.Take(3).ToList());
        var all = Generate(7, 200);

        for (var s = 0; s < 3; s++)
        {
            Assert.Equal(few[s], all[s]);
        }
    }

    [Fact]
    public void NextBars_DefaultUniverse_AtLeastThirtySymbolsWithValidBarsOnTickAndInTime()
    {
        var market = new SyntheticMarket(3, Start);
        var series = Generate(3, 400);

        Assert.True(market.Symbols.Count >= 30);
        for (var s = 0; s < series.Length; s++)
        {
            var instrument = market.Instruments[s];
            for (var i = 0; i < series[s].Count; i++)
            {
                var candle = series[s][i];
                Assert.True(candle.IsClosed);
                Assert.True(instrument.IsOnTick(candle.Open) && instrument.IsOnTick(candle.High) && instrument.IsOnTick(candle.Low) && instrument.IsOnTick(candle.Close), $"{instrument.Symbol} bar {i} off tick");
                Assert.True(candle.Low > 0);
                Assert.Equal(Start.AddMinutes(5 * i), candle.OpenTime);
            }
        }
    }

    [Fact]
    public void NextBars_EverySymbol_HasVolumeBackedBreakoutsOfItsRecentRange()
    {
        var series = Generate(11, 600);

        foreach (var candles in series)
        {
            var breakouts = 0;
            for (var i = 20; i < candles.Count; i++)
            {
                var previous = candles.GetRange(i - 20, 20);
                var high = previous.Max(c => c.High);
                var low = previous.Min(c => c.Low);
                var medianVolume = previous.Select(c => c.Volume).Order().ElementAt(10);
                var candle = candles[i];
                if ((candle.Close > high || candle.Close < low) && candle.Volume >= 2 * medianVolume)
                {
                    breakouts++;
                }
            }

            Assert.True(breakouts >= 3, $"{candles[0].Close}: only {breakouts} breakouts in 600 bars");
        }
    }
}
