using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using CsCheck;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

public sealed class SignalEnginePropertyTests
{
    private static readonly HorizontalLevel[] Levels = [LevelAt(99m), LevelAt(Level), LevelAt(101m)];

    /// <summary>A random walk around 100 (moves, wicks in cents, volume, closed?, book spread in cents or no book).</summary>
    private static readonly Gen<(int Move, int UpperWick, int LowerWick, int Volume, bool Closed, int Spread)[]> Paths =
        Gen.Select(Gen.Int[-120, 120], Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[20, 600], Gen.Int[0, 3], Gen.Int[-1, 5],
                (move, upper, lower, volume, closed, spread) => (move, upper, lower, volume, closed != 0, spread))
            .Array[20, 120];

    [Fact]
    public void Evaluate_RandomPaths_NeverSignalsOnOpenCandleAndStopsSitOnTheLosingSide()
    {
        var longs = 0;
        var shorts = 0;
        Paths.Sample(steps =>
        {
            var engine = new SignalEngine(TestInstrument, Rules() with { Cooldown = TimeSpan.FromMinutes(10) });
            var price = 99.5m;
            for (var i = 0; i < steps.Length; i++)
            {
                var (move, upperWick, lowerWick, volume, closed, spread) = steps[i];
                var open = price;
                var close = Math.Max(90m, price + (move / 100m));
                var candle = Bar(i, open, Math.Max(open, close) + (upperWick / 100m), Math.Min(open, close) - (lowerWick / 100m), close, volume, closed);
                var book = spread < 0 ? null : Book(close - 0.01m, close + (spread / 100m) + 0.01m, 10m + (5m * spread), 35m - (5m * spread));
                var evaluation = engine.Evaluate(candle, Levels, new SignalContext(book));
                if (closed)
                {
                    price = close;
                }
                else
                {
                    Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.CandleNotClosed));
                }

                if (evaluation.Signal is not { } signal)
                {
                    continue;
                }

                Assert.True(candle.IsClosed);
                Assert.Equal(candle.OpenTime, signal.CandleOpenTime);
                Assert.InRange(signal.Confidence, 0.0, 1.0);
                Assert.True(signal.RiskPerUnit > 0);
                Assert.True(TestInstrument.IsOnTick(signal.Stop));
                if (signal.Direction == PositionDirection.Long)
                {
                    Interlocked.Increment(ref longs);
                    Assert.True(signal.Stop < signal.LevelPrice && signal.Stop < signal.Entry);
                    Assert.True(candle.Close > signal.LevelPrice);
                }
                else
                {
                    Interlocked.Increment(ref shorts);
                    Assert.True(signal.Stop > signal.LevelPrice && signal.Stop > signal.Entry);
                    Assert.True(candle.Close < signal.LevelPrice);
                }
            }
        }, iter: 500);

        // The property means nothing unless the random paths actually produce signals both ways.
        Assert.True(longs > 0, "no long signals were generated");
        Assert.True(shorts > 0, "no short signals were generated");
    }

    [Fact]
    public void Evaluate_RandomPathReplayedInNewEngine_GivesTheSameSignalIds()
    {
        Paths.Sample(steps =>
        {
            var candles = new List<Candle>();
            var price = 99.5m;
            for (var i = 0; i < steps.Length; i++)
            {
                var (move, upperWick, lowerWick, volume, _, _) = steps[i];
                var close = Math.Max(90m, price + (move / 100m));
                candles.Add(Bar(i, price, Math.Max(price, close) + (upperWick / 100m), Math.Min(price, close) - (lowerWick / 100m), close, volume));
                price = close;
            }

            var first = Feed(new SignalEngine(TestInstrument, Rules()), candles, Levels).Select(evaluation => evaluation.Signal?.Id);
            var second = Feed(new SignalEngine(TestInstrument, Rules()), candles, Levels).Select(evaluation => evaluation.Signal?.Id);

            Assert.Equal(first, second);
        });
    }
}
