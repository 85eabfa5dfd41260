using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Tests.MarketData;

public class CandleTests
{
    private static readonly DateTimeOffset SampleOpen = DateTimeOffset.FromUnixTimeMilliseconds(1760324400000);

    [Fact]
    public void Constructor_BybitKlineRow_KeepsValues()
    {
        // First row of refdata/bybit/samples/rest/market_kline_linear.json (interval 60, still open).
        var candle = new Candle(CandleInterval.OneHour, SampleOpen, 66702.10m, 66734.90m, 66580.20m, 66666.60m, 412.907m, 27532251.4431m, isClosed: false);

        Assert.Equal(66734.90m, candle.High);
        Assert.Equal(27532251.4431m, candle.Turnover);
        Assert.False(candle.IsClosed);
        Assert.Equal(SampleOpen.AddHours(1), candle.CloseTime);
    }

    [Fact]
    public void Constructor_HighBelowClose_ThrowsNamingHigh()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(open: 100m, high: 104m, low: 99m, close: 105m));

        Assert.Equal("high", error.ParamName);
        Assert.Contains("Candle high 104 is below", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HighBelowOpen_ThrowsNamingHigh()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(open: 106m, high: 105m, low: 99m, close: 100m));

        Assert.Equal("high", error.ParamName);
    }

    [Fact]
    public void Constructor_LowAboveOpen_ThrowsNamingLow()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(open: 100m, high: 105m, low: 100.5m, close: 102m));

        Assert.Equal("low", error.ParamName);
        Assert.Contains("Candle low 100.5 is above min(open 100, close 102)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeVolume_ThrowsNamingVolume()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(volume: -0.001m));

        Assert.Equal("volume", error.ParamName);
    }

    [Fact]
    public void Constructor_NegativeTurnover_ThrowsNamingTurnover()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(turnover: -1m));

        Assert.Equal("turnover", error.ParamName);
    }

    [Fact]
    public void Constructor_ZeroOpen_ThrowsNamingOpen()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(open: 0m));

        Assert.Equal("open", error.ParamName);
    }

    [Fact]
    public void Constructor_FlatBarWithZeroVolume_IsValid()
    {
        var candle = Build(open: 100m, high: 100m, low: 100m, close: 100m, volume: 0m, turnover: 0m);

        Assert.Equal(0m, candle.Volume);
    }

    [Fact]
    public void Constructor_LocalOffset_StoresUtc()
    {
        var local = new DateTimeOffset(2025, 10, 13, 5, 0, 0, TimeSpan.FromHours(2));

        var candle = Build(openTime: local);

        Assert.Equal(TimeSpan.Zero, candle.OpenTime.Offset);
        Assert.Equal(local, candle.OpenTime);
    }

    [Fact]
    public void CloseTime_MonthlyCandleInFebruaryOfLeapYear_IsFirstOfMarch()
    {
        var candle = Build(interval: CandleInterval.OneMonth, openTime: new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), candle.CloseTime);
    }

    [Fact]
    public void CloseTime_FiveMinuteCandle_IsBybitEndPlusOneMillisecond()
    {
        // ws/public_kline.json: start 1672324800000, end 1672325099999.
        var candle = Build(interval: CandleInterval.FiveMinutes, openTime: DateTimeOffset.FromUnixTimeMilliseconds(1672324800000));

        Assert.Equal(1672325099999 + 1, candle.CloseTime.ToUnixTimeMilliseconds());
    }

    private static Candle Build(
        CandleInterval interval = CandleInterval.FiveMinutes,
        DateTimeOffset? openTime = null,
        decimal open = 100m,
        decimal high = 105m,
        decimal low = 99m,
        decimal close = 102m,
        decimal volume = 10m,
        decimal turnover = 1000m) =>
        new(interval, openTime ?? SampleOpen, open, high, low, close, volume, turnover, isClosed: true);
}
