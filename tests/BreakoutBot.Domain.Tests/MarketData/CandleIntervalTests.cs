using BreakoutBot.Domain.MarketData;
using CsCheck;

namespace BreakoutBot.Domain.Tests.MarketData;

public class CandleIntervalTests
{
    [Theory]
    [InlineData("1", CandleInterval.OneMinute)]
    [InlineData("3", CandleInterval.ThreeMinutes)]
    [InlineData("5", CandleInterval.FiveMinutes)]
    [InlineData("15", CandleInterval.FifteenMinutes)]
    [InlineData("30", CandleInterval.ThirtyMinutes)]
    [InlineData("60", CandleInterval.OneHour)]
    [InlineData("120", CandleInterval.TwoHours)]
    [InlineData("240", CandleInterval.FourHours)]
    [InlineData("360", CandleInterval.SixHours)]
    [InlineData("720", CandleInterval.TwelveHours)]
    [InlineData("D", CandleInterval.OneDay)]
    [InlineData("W", CandleInterval.OneWeek)]
    [InlineData("M", CandleInterval.OneMonth)]
    public void ParseWireName_BybitName_ReturnsIntervalThatRoundTrips(string wireName, CandleInterval expected)
    {
        var interval = CandleInterval.ParseWireName(wireName);

        Assert.Equal(expected, interval);
        Assert.Equal(wireName, interval.WireName);
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("d")]
    [InlineData("1h")]
    [InlineData("")]
    [InlineData(" 5")]
    public void ParseWireName_UnknownName_ThrowsListingValidNames(string wireName)
    {
        var error = Assert.Throws<FormatException>(() => CandleInterval.ParseWireName(wireName));

        Assert.Contains($"'{wireName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 3 5 15 30 60 120 240 360 720 D W M", error.Message, StringComparison.Ordinal);
        Assert.False(CandleInterval.TryParseWireName(wireName, out _));
    }

    [Fact]
    public void All_EveryInterval_HasDistinctWireName()
    {
        Assert.Equal(13, CandleInterval.All.Count);
        Assert.Equal(13, CandleInterval.All.Select(i => i.WireName).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void FixedDuration_MonthAndMinutes_NullAndExact()
    {
        Assert.Null(CandleInterval.OneMonth.FixedDuration);
        Assert.Equal(TimeSpan.FromMinutes(15), CandleInterval.FifteenMinutes.FixedDuration);
        Assert.Equal(TimeSpan.FromDays(7), CandleInterval.OneWeek.FixedDuration);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z")]
    [InlineData("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData("2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z")]
    [InlineData("2023-12-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    [InlineData("2024-01-31T10:00:00Z", "2024-02-01T00:00:00Z")]
    [InlineData("2024-03-31T23:59:59.999Z", "2024-04-01T00:00:00Z")]
    public void NextOpenTime_Month_IsFirstOfNextCalendarMonth(string time, string expected)
    {
        Assert.Equal(Utc(expected), CandleInterval.OneMonth.NextOpenTime(Utc(time)));
    }

    [Theory]
    [InlineData("2025-10-13T00:00:00Z", "2025-10-20T00:00:00Z")] // a Monday: the next week opens 7 days later
    [InlineData("2025-10-15T12:00:00Z", "2025-10-20T00:00:00Z")]
    [InlineData("2025-10-19T23:59:59Z", "2025-10-20T00:00:00Z")] // Sunday night still belongs to the week of the 13th
    [InlineData("2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z")]
    public void NextOpenTime_Week_IsNextMondayMidnightUtc(string time, string expected)
    {
        Assert.Equal(Utc(expected), CandleInterval.OneWeek.NextOpenTime(Utc(time)));
    }

    [Theory]
    [InlineData("2025-10-13T00:00:00Z", "2025-10-14T00:00:00Z")]
    [InlineData("2025-10-13T23:59:59.999Z", "2025-10-14T00:00:00Z")]
    [InlineData("2024-02-28T12:00:00Z", "2024-02-29T00:00:00Z")]
    public void NextOpenTime_Day_IsNextMidnightUtc(string time, string expected)
    {
        Assert.Equal(Utc(expected), CandleInterval.OneDay.NextOpenTime(Utc(time)));
    }

    [Fact]
    public void OpenTimeContaining_LocalOffset_AlignsInUtc()
    {
        // 01:30 at +02:00 is 23:30 UTC the previous day, so the daily candle is the previous UTC day's.
        var local = new DateTimeOffset(2025, 10, 13, 1, 30, 0, TimeSpan.FromHours(2));

        var open = CandleInterval.OneDay.OpenTimeContaining(local);

        Assert.Equal(new DateTimeOffset(2025, 10, 12, 0, 0, 0, TimeSpan.Zero), open);
        Assert.Equal(TimeSpan.Zero, open.Offset);
    }

    [Theory]
    [InlineData(CandleInterval.FourHours, "2025-10-13T05:30:00Z", "2025-10-13T04:00:00Z")]
    [InlineData(CandleInterval.SixHours, "2025-10-13T05:59:59Z", "2025-10-13T00:00:00Z")]
    [InlineData(CandleInterval.FiveMinutes, "2025-10-13T05:34:59Z", "2025-10-13T05:30:00Z")]
    [InlineData(CandleInterval.OneHour, "2025-10-13T03:00:00Z", "2025-10-13T03:00:00Z")] // kline sample start 1760324400000
    public void OpenTimeContaining_Intraday_FloorsToBucket(CandleInterval interval, string time, string expected)
    {
        Assert.Equal(Utc(expected), interval.OpenTimeContaining(Utc(time)));
    }

    [Fact]
    public void NextOpenTime_AnyTimeFixedInterval_OneDurationAfterContainingOpen()
    {
        var fixedIntervals = CandleInterval.All.Where(i => i.FixedDuration is not null).ToArray();
        Gen.Select(Gen.Long[0, 4_102_444_800_000L], Gen.Int[0, fixedIntervals.Length - 1])
            .Sample((unixMs, index) =>
            {
                var interval = fixedIntervals[index];
                var time = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                var open = interval.OpenTimeContaining(time);
                var next = interval.NextOpenTime(time);

                return open <= time && time < next && next - open == interval.FixedDuration
                    && interval.OpenTimeContaining(open) == open;
            });
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
