using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Tests;

public class MarketDataParsersTests
{
    private static V5Envelope Sample(string name) =>
        V5Envelope.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "rest", name)));

    [Fact]
    public void ParseInstruments_LinearSample_ReadsFiltersExactly()
    {
        var page = MarketDataParsers.ParseInstruments(Sample("market_instruments-info_linear.json").Result);

        var btc = page.Instruments.Single(instrument => instrument.Symbol.Value == "BTCUSDT");
        Assert.Equal(ContractStatus.Trading, btc.Status);
        Assert.Equal(0.10m, btc.TickSize);
        Assert.Equal(0.001m, btc.QtyStep);
        Assert.Equal(0.001m, btc.MinOrderQty);
        Assert.Equal(1190m, btc.MaxOrderQty);
        Assert.Equal(500m, btc.MaxMarketOrderQty);
        Assert.Equal(5m, btc.MinNotionalValue);
        Assert.Equal(100m, btc.MaxLeverage);
    }

    [Fact]
    public void ParseKlines_Sample_OldestFirstAndLastBarOpenUntilItsIntervalEnds()
    {
        var envelope = Sample("market_kline_linear.json");
        var newestOpen = DateTimeOffset.FromUnixTimeMilliseconds(1760324400000);

        var candles = MarketDataParsers.ParseKlines(envelope.Result, CandleInterval.FiveMinutes, newestOpen.AddMinutes(2));

        Assert.True(candles.Count >= 2);
        Assert.True(candles.Zip(candles.Skip(1)).All(pair => pair.First.OpenTime < pair.Second.OpenTime));
        var newest = candles[^1];
        Assert.Equal(newestOpen, newest.OpenTime);
        Assert.Equal(66_666.60m, newest.Close);
        Assert.Equal(412.907m, newest.Volume);
        Assert.False(newest.IsClosed);
        Assert.True(candles[^2].IsClosed);
    }

    [Fact]
    public void ParseTickers_Sample_ReadsPricesOpenInterestAndFunding()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1760325052700);

        var ticker = MarketDataParsers.ParseTickers(Sample("market_tickers_linear.json").Result, time)[0];

        Assert.Equal("BTCUSDT", ticker.Symbol.Value);
        Assert.Equal(66_666.60m, ticker.LastPrice);
        Assert.Equal(66_666.70m, ticker.Ask1Price);
        Assert.Equal(4_936_790_807.6521m, ticker.Turnover24h);
        Assert.Equal(-0.158315m, ticker.PriceChange24hFraction);
        Assert.Equal(0.0001m, ticker.FundingRate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1760342400000), ticker.NextFundingTime);
    }

    [Fact]
    public void ParseOrderBook_Sample_SortedSidesWithUpdateId()
    {
        var book = MarketDataParsers.ParseOrderBook(Sample("market_orderbook.json").Result);

        Assert.Equal(65_485.47m, book.BestBid!.Value.Price);
        Assert.Equal(65_557.7m, book.BestAsk!.Value.Price);
        Assert.Equal(230704, book.UpdateId);
    }

    [Fact]
    public void ParseRecentTrades_Sample_OldestFirstWithTakerSide()
    {
        var trades = MarketDataParsers.ParseRecentTrades(Sample("market_recent-trade_linear.json").Result);

        Assert.NotEmpty(trades);
        Assert.True(trades.Zip(trades.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time));
        Assert.Contains(trades, trade => trade.TradeId == "6a3f1a74-4c1e-5a0b-9b3f-2a1c1e7d6b10" && trade.TakerSide == TakerSide.Sell && trade.Size == 0.012m);
    }

    [Fact]
    public void ParseRecentTrades_PrintsOfOneMillisecond_KeepTheirOrder()
    {
        // Newest first, as the venue lists them: three prints of one match share a millisecond.
        var items = Enumerable.Range(1, 40).Reverse().Select(id =>
            $$"""{"execId":"t{{id}}","symbol":"XRPUSDT","price":"0.5","size":"1","side":"Buy","time":"{{1700000000000 + (id / 3)}}","isBlockTrade":false}""");
        using var result = System.Text.Json.JsonDocument.Parse($$"""{"category":"linear","list":[{{string.Join(',', items)}}]}""");

        var trades = MarketDataParsers.ParseRecentTrades(result.RootElement);

        Assert.Equal(Enumerable.Range(1, 40).Select(id => $"t{id}"), trades.Select(trade => trade.TradeId));
    }
}
