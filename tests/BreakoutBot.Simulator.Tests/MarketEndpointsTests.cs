using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

[assembly: AssemblyFixture(typeof(BreakoutBot.Simulator.Tests.RunningSimulator))]

namespace BreakoutBot.Simulator.Tests;

/// <summary>Our Bybit client against the simulator over a real socket: the code path that later trades live.</summary>
public sealed class MarketEndpointsTests(RunningSimulator simulator) : IDisposable
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress };

    private BybitMarketClient Client => new(_http, TimeProvider.System);

    [Fact]
    public async Task ServerTime_IsTheSimulatorsClock()
    {
        var before = DateTimeOffset.UtcNow;

        var serverTime = await Client.GetServerTimeAsync(TestContext.Current.CancellationToken);

        Assert.InRange(serverTime, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Instruments_DefaultUniverse_ThirtyTwoTradingPerpetuals()
    {
        var instruments = await Client.GetInstrumentsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(32, instruments.Count);
        Assert.All(instruments, instrument => Assert.Equal(ContractStatus.Trading, instrument.Status));
        Assert.Equal(0.1m, instruments.Single(instrument => instrument.Symbol == Btc).TickSize);
    }

    [Fact]
    public async Task Klines_FiveMinutes_OldestFirstContiguousAndOnTick()
    {
        var candles = await Client.GetKlinesAsync(Btc, CandleInterval.FiveMinutes, 200, TestContext.Current.CancellationToken);

        Assert.Equal(200, candles.Count);
        Assert.All(candles.Zip(candles.Skip(1)), pair => Assert.Equal(pair.First.OpenTime.AddMinutes(5), pair.Second.OpenTime));
        Assert.All(candles.SkipLast(1), candle => Assert.True(candle.IsClosed && candle.Close % 0.1m == 0));
        Assert.False(candles[^1].IsClosed, "the newest bar is the one forming now, as on Bybit");
    }

    [Fact]
    public async Task Klines_OneHour_AggregatesTwelveFiveMinuteBars()
    {
        var hours = await Client.GetKlinesAsync(Btc, CandleInterval.OneHour, 10, TestContext.Current.CancellationToken);
        var fives = await Client.GetKlinesAsync(Btc, CandleInterval.FiveMinutes, 1000, TestContext.Current.CancellationToken);

        var hour = hours.First(candle => candle.IsClosed);
        var parts = fives.Where(candle => candle.OpenTime >= hour.OpenTime && candle.OpenTime < hour.CloseTime).ToList();
        Assert.Equal(12, parts.Count);
        Assert.Equal(parts.Sum(part => part.Volume), hour.Volume);
        Assert.Equal(parts.Max(part => part.High), hour.High);
    }

    [Fact]
    public async Task Tickers_AllSymbols_BidBelowAskAndPositiveTurnover()
    {
        var tickers = await Client.GetTickersAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(32, tickers.Count);
        Assert.All(tickers, ticker =>
        {
            Assert.True(ticker.Bid1Price < ticker.Ask1Price);
            Assert.True(ticker.Turnover24h > 0);
        });
    }

    [Fact]
    public async Task OrderBook_Depth50_SortedAroundLastPrice()
    {
        var book = await Client.GetOrderBookAsync(Btc, 50, TestContext.Current.CancellationToken);

        Assert.Equal(50, book.Bids.Count);
        Assert.Equal(50, book.Asks.Count);
        Assert.True(book.SpreadBps < 1m);
    }

    [Fact]
    public async Task RecentTrades_AreWithinRecentBarsOldestFirst()
    {
        var trades = await Client.GetRecentTradesAsync(Btc, 100, TestContext.Current.CancellationToken);

        Assert.Equal(100, trades.Count);
        Assert.True(trades.Zip(trades.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time));
    }

    [Fact]
    public async Task UnknownSymbol_FailsWithRetCode10001()
    {
        var exception = await Assert.ThrowsAsync<BybitApiException>(
            () => Client.GetOrderBookAsync(InstrumentSymbol.Parse("NOPEUSDT"), 50, TestContext.Current.CancellationToken));

        Assert.Equal(10001, exception.RetCode);
        Assert.Contains("NOPEUSDT", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
