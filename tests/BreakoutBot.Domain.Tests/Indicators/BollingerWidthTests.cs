using BreakoutBot.Domain.Indicators;
using CsCheck;

namespace BreakoutBot.Domain.Tests.Indicators;

public class BollingerWidthTests
{
    [Fact]
    public void WidthOf_EveryWindowOfRandomCloses_EqualsStreamingWidthBitForBit()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Double[0.0001, 100_000].Array[1, 120], Gen.Double[0.5, 3]).Sample((period, closes, deviations) =>
        {
            var bands = new BollingerBands(period, deviations);
            for (var i = 0; i < closes.Length; i++)
            {
                bands.Add(new Ohlcv(closes[i], closes[i], closes[i], closes[i], 1));
                if (i + 1 < period)
                {
                    continue;
                }

                var width = BollingerBands.WidthOf(closes.AsSpan((i + 1 - period)..(i + 1)), deviations);
                if (BitConverter.DoubleToInt64Bits(width) != BitConverter.DoubleToInt64Bits(bands.Width))
                {
                    throw new InvalidOperationException($"bar {i}: WidthOf {width:R}, streaming {bands.Width:R}");
                }
            }
        });
    }

    [Fact]
    public void WidthOf_ConstantCloses_IsZero()
    {
        Assert.Equal(0d, BollingerBands.WidthOf([5, 5, 5, 5]));
    }
}
