using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Tests.MarketData;

public class TickerTests
{
    /// <summary>refdata/bybit/samples/rest/market_tickers_linear.json.</summary>
    private static Ticker Sample() => new()
    {
        Symbol = InstrumentSymbol.Parse("BTCUSDT"),
        Time = DateTimeOffset.FromUnixTimeMilliseconds(1760325052700),
        LastPrice = 66666.60m,
        MarkPrice = 66668.02m,
        IndexPrice = 66671.35m,
        Bid1Price = 66666.60m,
        Bid1Size = 2.789m,
        Ask1Price = 66666.70m,
        Ask1Size = 3.775m,
        HighPrice24h = 79266.30m,
        LowPrice24h = 65076.90m,
        Volume24h = 73191.3870m,
        Turnover24h = 4936790807.6521m,
        PriceChange24hFraction = -0.158315m,
        OpenInterest = 49237.372m,
        OpenInterestValue = 3282488184.17m,
        FundingRate = 0.0001m,
        NextFundingTime = DateTimeOffset.FromUnixTimeMilliseconds(1760342400000),
    };

    [Fact]
    public void SpreadBps_Sample_OneTickOverMid()
    {
        // 0.10 / 66666.65 × 10 000
        Assert.Equal(0.0150000038m, decimal.Round(Sample().SpreadBps!.Value, 10));
        Assert.Equal(66666.65m, Sample().MidPrice);
    }

    [Fact]
    public void PriceChange24hPercent_Sample_IsFractionTimesHundred()
    {
        Assert.Equal(-15.8315m, Sample().PriceChange24hPercent);
    }

    [Fact]
    public void SpreadBps_NoAsk_IsNull()
    {
        var ticker = Sample() with { Ask1Price = null };

        Assert.Null(ticker.SpreadBps);
        Assert.Null(ticker.MidPrice);
    }
}
