using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Benchmarks;

/// <summary>A seeded random walk of 5-minute bars, the same on every run, so figures compare across machines and commits.</summary>
internal static class SyntheticCandles
{
    public static Ohlcv[] Generate(int count, int seed = 20261126)
    {
        var random = new Random(seed);
        var bars = new Ohlcv[count];
        var price = 30_000d;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Max(1, open * (1 + ((random.NextDouble() - 0.5) * 0.004)));
            var high = Math.Max(open, close) * (1 + (random.NextDouble() * 0.002));
            var low = Math.Min(open, close) * (1 - (random.NextDouble() * 0.002));
            bars[i] = new Ohlcv(open, high, low, close, Math.Round(random.NextDouble() * 1_000, 3));
            price = close;
        }

        return bars;
    }
}
