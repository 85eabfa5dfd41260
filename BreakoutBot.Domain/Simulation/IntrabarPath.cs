using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// The path a price takes inside one bar, modelled from its open, high, low, close and volume, seeded: the rule the
/// simulator trades on and a backtest without a trade tape assumes.
/// </summary>
/// <remarks>
/// The rule, in order:
/// <list type="number">
/// <item>Prints: <see cref="TradeCountFor"/> (more for busier bars), never more than the volume has lots.</item>
/// <item>Extremes: a rising bar (close above open) visits its low before its high with probability 0.7, a falling bar
/// its high first with 0.7, a flat bar either way with 0.5; both extremes fall on random prints strictly inside the bar.
/// So a bar that touches both a stop and a target has a definite order, and it is not always the friendly one.</item>
/// <item>Between open → first extreme → second extreme → close the price is a Brownian bridge whose step size follows a
/// GARCH(1,1)-like variance (volatility clusters), with rare jumps of several steps (gaps), kept inside [low, high] and
/// snapped to the tick; so wicks are visited and reversed within the bar.</item>
/// <item>Time: waiting times between prints are exponential and shorter when the price moves fast; the first print is
/// at the open time, the last before the bar ends.</item>
/// <item>Sizes: log-normal weights, larger in fast markets, whole lots summing exactly to the bar's volume.</item>
/// <item>Aggressor: an up-tick is a buy, a down-tick a sell, an unchanged price keeps the previous side.</item>
/// </list>
/// The same instrument, bar, index and seed give the same tape on every machine.
/// </remarks>
public static class IntrabarPath
{
    private const double LowFirstWhenRising = 0.7;
    private const double JumpProbability = 0.003;
    private const double WanderOfRange = 0.5;

    /// <summary>How many trades a bar of this turnover prints: 40·√(turnover / 10,000), within [20, 4,000].</summary>
    public static int TradeCountFor(Candle bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var count = 40.0 * Math.Sqrt((double)bar.Turnover / 10_000.0);
        return (int)Math.Clamp(Math.Round(count), 20, 4_000);
    }

    public static IntrabarTape Generate(Instrument instrument, Candle bar, int barIndex, int seed, int? tradeCount = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(bar);
        var lots = (long)Math.Floor(bar.Volume / instrument.QtyStep);
        var count = (int)Math.Min(tradeCount ?? TradeCountFor(bar), lots);
        if (count <= 0)
        {
            return new IntrabarTape(instrument, bar, barIndex, [], [], [], []);
        }

        var random = new Random(seed);
        var variance = new double[count];
        var prices = Prices(instrument, bar, count, random, variance);
        var offsets = Offsets(bar, count, random, variance);
        var sizes = Sizes(instrument, bar, lots, count, random, variance);
        var sides = Sides(bar, prices);
        return new IntrabarTape(instrument, bar, barIndex, offsets, prices, sizes, sides);
    }

    private static decimal[] Prices(Instrument instrument, Candle bar, int count, Random random, double[] variance)
    {
        var tick = instrument.TickSize;
        var rangeTicks = (double)((bar.High - bar.Low) / tick);
        double Ticks(decimal price) => (double)((price - bar.Low) / tick);

        // Step sizes with clustered volatility: variance_k = 0.05 + 0.85·variance_{k-1} + 0.10·z_{k-1}² (mean one).
        var steps = new double[count];
        var previousVariance = 1.0;
        var previousShock = 1.0;
        var scale = rangeTicks * WanderOfRange / Math.Sqrt(Math.Max(1, count));
        for (var k = 0; k < count; k++)
        {
            previousVariance = 0.05 + (0.85 * previousVariance) + (0.10 * previousShock * previousShock);
            variance[k] = previousVariance;
            var shock = Normal(random);
            previousShock = shock;
            var step = Math.Sqrt(previousVariance) * shock * scale;
            if (random.NextDouble() < JumpProbability)
            {
                step += Math.Sign(shock == 0 ? 1 : shock) * scale * (3 + (7 * random.NextDouble()));
            }

            steps[k] = step;
        }

        var path = new double[count];
        var rising = bar.Close > bar.Open;
        var falling = bar.Close < bar.Open;
        var lowFirst = random.NextDouble() < (rising ? LowFirstWhenRising : falling ? 1 - LowFirstWhenRising : 0.5);
        var anchors = new List<(int Index, double Ticks)> { (0, Ticks(bar.Open)) };
        if (count >= 4)
        {
            var first = 1 + random.Next(count - 3);
            var second = first + 1 + random.Next(count - 2 - first);
            anchors.Add((first, lowFirst ? 0 : rangeTicks));
            anchors.Add((second, lowFirst ? rangeTicks : 0));
        }

        anchors.Add((count - 1, Ticks(bar.Close)));
        for (var a = 0; a < anchors.Count - 1; a++)
        {
            Bridge(path, steps, anchors[a], anchors[a + 1]);
        }

        var prices = new decimal[count];
        for (var k = 0; k < count; k++)
        {
            var ticks = Math.Clamp(Math.Round(path[k]), 0, rangeTicks);
            prices[k] = Math.Clamp(bar.Low + ((decimal)ticks * tick), bar.Low, bar.High);
        }

        foreach (var (index, _) in anchors)
        {
            prices[index] = index == 0 ? bar.Open : index == count - 1 ? bar.Close : path[index] <= 0 ? bar.Low : bar.High;
        }

        return prices;
    }

    /// <summary>Fills path[from..to] with a random walk pinned at both ends (a Brownian bridge over the given steps).</summary>
    private static void Bridge(double[] path, double[] steps, (int Index, double Ticks) from, (int Index, double Ticks) to)
    {
        var length = to.Index - from.Index;
        if (length <= 0)
        {
            path[from.Index] = from.Ticks;
            return;
        }

        var walk = 0.0;
        var total = 0.0;
        for (var j = 1; j <= length; j++)
        {
            total += steps[from.Index + j];
        }

        for (var j = 0; j <= length; j++)
        {
            if (j > 0)
            {
                walk += steps[from.Index + j];
            }

            var share = (double)j / length;
            path[from.Index + j] = from.Ticks + ((to.Ticks - from.Ticks) * share) + (walk - (share * total));
        }
    }

    private static long[] Offsets(Candle bar, int count, Random random, double[] variance)
    {
        var duration = (bar.CloseTime - bar.OpenTime).Ticks;
        var cumulative = new double[count];
        var total = 0.0;
        for (var k = 1; k < count; k++)
        {
            total += Exponential(random) / Math.Sqrt(variance[k]);
            cumulative[k] = total;
        }

        total += Exponential(random) / Math.Sqrt(variance[count - 1]);
        var offsets = new long[count];
        for (var k = 1; k < count; k++)
        {
            offsets[k] = Math.Max(offsets[k - 1], Math.Min(duration - 1, (long)(duration * (cumulative[k] / total))));
        }

        return offsets;
    }

    private static decimal[] Sizes(Instrument instrument, Candle bar, long lots, int count, Random random, double[] variance)
    {
        var weights = new double[count];
        var weightSum = 0.0;
        for (var k = 0; k < count; k++)
        {
            weights[k] = Math.Exp(0.8 * Normal(random)) * (0.5 + Math.Sqrt(variance[k]));
            weightSum += weights[k];
        }

        // One lot each, the rest shared by weight; what flooring leaves goes to the heaviest prints.
        var units = new long[count];
        var spare = lots - count;
        var given = 0L;
        for (var k = 0; k < count; k++)
        {
            units[k] = 1 + (long)Math.Floor(spare * weights[k] / weightSum);
            given += units[k];
        }

        var heaviest = Enumerable.Range(0, count).OrderByDescending(k => weights[k]).ThenBy(k => k).ToArray();
        for (var r = 0; r < lots - given; r++)
        {
            units[heaviest[r % count]]++;
        }

        var sizes = new decimal[count];
        for (var k = 0; k < count; k++)
        {
            sizes[k] = units[k] * instrument.QtyStep;
        }

        // Volume off the lot step (outside data) stays exact: the remainder prints with the last trade.
        sizes[^1] += bar.Volume - (lots * instrument.QtyStep);
        return sizes;
    }

    private static TakerSide[] Sides(Candle bar, decimal[] prices)
    {
        var sides = new TakerSide[prices.Length];
        var side = bar.Close >= bar.Open ? TakerSide.Buy : TakerSide.Sell;
        for (var k = 0; k < prices.Length; k++)
        {
            if (k > 0 && prices[k] != prices[k - 1])
            {
                side = prices[k] > prices[k - 1] ? TakerSide.Buy : TakerSide.Sell;
            }

            sides[k] = side;
        }

        return sides;
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Exponential(Random random) => -Math.Log(1.0 - random.NextDouble());
}
