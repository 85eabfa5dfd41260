using BreakoutBot.Domain.MarketData;
using BreakoutBot.Scanner.Market;

namespace BreakoutBot.Scanner.Tests;

public sealed class CandleRingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_NextBar_IsStoredInOrder()
    {
        var ring = new CandleRing(10, CandleInterval.FiveMinutes);

        Assert.Equal(CandleAppendResult.Appended, ring.Append(Bar(0)));
        Assert.Equal(CandleAppendResult.Appended, ring.Append(Bar(1)));

        Assert.Equal(2, ring.Count);
        Assert.Equal(Start.AddMinutes(5), ring.Last!.OpenTime);
    }

    [Fact]
    public void Append_SameBarAgain_IsDuplicateAndChangesNothing()
    {
        var ring = new CandleRing(10, CandleInterval.FiveMinutes);
        ring.Append(Bar(0));

        Assert.Equal(CandleAppendResult.Duplicate, ring.Append(Bar(0)));
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void Append_MissingBarInBetween_IsGapAndNotStored()
    {
        var ring = new CandleRing(10, CandleInterval.FiveMinutes);
        ring.Append(Bar(0));

        Assert.Equal(CandleAppendResult.Gap, ring.Append(Bar(2)));
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void Append_FormingBarOrOtherInterval_IsIgnored()
    {
        var ring = new CandleRing(10, CandleInterval.FiveMinutes);

        Assert.Equal(CandleAppendResult.Ignored, ring.Append(Bar(0, closed: false)));
        Assert.Equal(CandleAppendResult.Ignored, ring.Append(new Candle(CandleInterval.FifteenMinutes, Start, 1, 2, 0.5m, 1.5m, 10, 15, true)));
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void Append_BeyondCapacity_DropsOldestAndKeepsOrder()
    {
        var ring = new CandleRing(3, CandleInterval.FiveMinutes);
        for (var bar = 0; bar < 5; bar++)
        {
            ring.Append(Bar(bar));
        }

        var kept = ring.CopyThrough(Start.AddHours(1));
        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(15), Start.AddMinutes(20)], kept.Select(candle => candle.OpenTime));
    }

    [Fact]
    public void Reset_WithUnorderedBarsAndFormingBar_KeepsClosedBarsInOrderWithinCapacity()
    {
        var ring = new CandleRing(3, CandleInterval.FiveMinutes);

        ring.Reset([Bar(3), Bar(1), Bar(0), Bar(2), Bar(4, closed: false)]);

        Assert.Equal([Start.AddMinutes(5), Start.AddMinutes(10), Start.AddMinutes(15)], ring.CopyThrough(Start.AddHours(1)).Select(candle => candle.OpenTime));
        Assert.Equal(CandleAppendResult.Appended, ring.Append(Bar(4)));
    }

    [Fact]
    public void CopyThrough_EarlierOpenTime_ExcludesLaterBars()
    {
        var ring = new CandleRing(10, CandleInterval.FiveMinutes);
        for (var bar = 0; bar < 4; bar++)
        {
            ring.Append(Bar(bar));
        }

        Assert.Equal(2, ring.CopyThrough(Start.AddMinutes(5)).Length);
    }

    private static Candle Bar(int index, bool closed = true) =>
        new(CandleInterval.FiveMinutes, Start.AddMinutes(5 * index), 100, 101, 99, 100.5m, 10, 1005, closed);
}
