using BreakoutBot.Domain.Indicators;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Indicators;

/// <summary>Invariants that must hold on any well-formed bar series (random, seeded by CsCheck, shrunk on failure).</summary>
public class IndicatorPropertyTests
{
    /// <summary>Random walks of well-formed bars: high ≥ max(open, close), low ≤ min(open, close), volume ≥ 0.</summary>
    private static readonly Gen<Ohlcv[]> Series =
        Gen.Select(Gen.Double[-0.05, 0.05], Gen.Double[0, 0.03], Gen.Double[0, 0.03], Gen.Double[0, 1e6])
            .Array[2, 200]
            .Select(steps =>
            {
                var bars = new Ohlcv[steps.Length];
                var price = 100d;
                for (var i = 0; i < steps.Length; i++)
                {
                    var (change, upWick, downWick, volume) = steps[i];
                    var open = price;
                    var close = Math.Max(0.01, price * (1 + change));
                    bars[i] = new Ohlcv(open, Math.Max(open, close) * (1 + upWick), Math.Min(open, close) * (1 - downWick), close, Math.Round(volume));
                    price = close;
                }

                return bars;
            });

    public static TheoryData<string> Names() => [.. IndicatorCatalog.All.Select(definition => definition.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Add_OneBarAtATime_EqualsBatchExactly(string name)
    {
        var definition = IndicatorCatalog.Find(name)!;
        Series.Sample(bars =>
        {
            var batch = definition.Create().Run(bars);
            var streaming = definition.Create();
            for (var i = 0; i < bars.Length; i++)
            {
                streaming.Add(bars[i]);
                for (var field = 0; field < streaming.FieldNames.Count; field++)
                {
                    var expected = batch.Column(field)[i];
                    var actual = streaming.Output(field);
                    if (!(expected.Equals(actual)))
                    {
                        throw new InvalidOperationException($"{name}.{streaming.FieldNames[field]}[{i}]: batch {expected}, streaming {actual}");
                    }
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Donchian_AnySeries_LowerAtMostCenterAtMostUpper()
    {
        Series.Sample(bars =>
        {
            var series = DonchianChannels.Calculate(bars, 5);
            for (var i = 0; i < bars.Length; i++)
            {
                var (upper, center, lower) = (series["upperBand"][i], series["centerline"][i], series["lowerBand"][i]);
                if (!double.IsNaN(upper) && !(lower <= center && center <= upper))
                {
                    throw new InvalidOperationException($"bar {i}: {lower} ≤ {center} ≤ {upper} does not hold");
                }
            }
        });
    }

    [Fact]
    public void Donchian_AnyPeriod_EqualsNaiveExtremesOfPreviousBars()
    {
        Gen.Select(Series, Gen.Int[1, 25]).Sample((bars, period) =>
        {
            var series = DonchianChannels.Calculate(bars, period);
            for (var i = 0; i < bars.Length; i++)
            {
                var expectedUpper = i < period ? double.NaN : bars[(i - period)..i].Max(bar => bar.High);
                var expectedLower = i < period ? double.NaN : bars[(i - period)..i].Min(bar => bar.Low);
                if (!expectedUpper.Equals(series["upperBand"][i]) || !expectedLower.Equals(series["lowerBand"][i]))
                {
                    throw new InvalidOperationException($"period {period}, bar {i}: [{series["lowerBand"][i]}, {series["upperBand"][i]}] vs [{expectedLower}, {expectedUpper}]");
                }
            }
        });
    }

    [Fact]
    public void Rsi_AnySeries_StaysWithin0And100()
    {
        Series.Sample(bars =>
        {
            foreach (var rsi in RelativeStrengthIndex.Calculate(bars, 5)["rsi"])
            {
                if (!double.IsNaN(rsi) && (rsi < 0 || rsi > 100))
                {
                    throw new InvalidOperationException($"RSI {rsi} is outside [0, 100]");
                }
            }
        });
    }

    [Fact]
    public void Bollinger_AnySeries_LowerAtMostMiddleAtMostUpper()
    {
        Series.Sample(bars =>
        {
            var series = BollingerBands.Calculate(bars, 5, 2);
            for (var i = 0; i < bars.Length; i++)
            {
                var (upper, middle, lower) = (series["upperBand"][i], series["sma"][i], series["lowerBand"][i]);
                if (!double.IsNaN(middle) && !(lower <= middle && middle <= upper))
                {
                    throw new InvalidOperationException($"bar {i}: {lower} ≤ {middle} ≤ {upper} does not hold");
                }
            }
        });
    }

    [Fact]
    public void Stochastic_AnySeries_OscillatorWithin0And100()
    {
        Series.Sample(bars =>
        {
            foreach (var value in Stochastic.Calculate(bars, 5, 3, 3)["oscillator"])
            {
                if (!double.IsNaN(value) && (value < 0 || value > 100))
                {
                    throw new InvalidOperationException($"%K {value} is outside [0, 100]");
                }
            }
        });
    }

    [Fact]
    public void Atr_AnySeries_IsPositiveAndAtMostLargestTrueRange()
    {
        Series.Sample(bars =>
        {
            var series = AverageTrueRange.Calculate(bars, 5);
            var largest = 0d;
            for (var i = 0; i < bars.Length; i++)
            {
                var trueRange = series["tr"][i];
                if (!double.IsNaN(trueRange))
                {
                    largest = Math.Max(largest, trueRange);
                }

                var atr = series["atr"][i];
                if (!double.IsNaN(atr) && (atr < 0 || atr > largest * (1 + 1e-12)))
                {
                    throw new InvalidOperationException($"bar {i}: ATR {atr} outside [0, {largest}]");
                }
            }
        });
    }

    [Fact]
    public void Chandelier_AnySeries_LongStopBelowHighestHigh()
    {
        Series.Sample(bars =>
        {
            var series = ChandelierExit.Calculate(bars, 5, 3, ChandelierDirection.Long);
            for (var i = 0; i < bars.Length; i++)
            {
                var stop = series["chandelierExit"][i];
                var highest = bars[Math.Max(0, i - 4)..(i + 1)].Max(bar => bar.High);
                if (!double.IsNaN(stop) && stop > highest)
                {
                    throw new InvalidOperationException($"bar {i}: stop {stop} above highest high {highest}");
                }
            }
        });
    }
}
