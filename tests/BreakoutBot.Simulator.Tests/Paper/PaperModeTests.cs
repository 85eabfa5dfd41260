using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Tests.Streams;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>A Paper-mode simulator relaying an upstream simulator, client against both over real loopback sockets.</summary>
public sealed class PaperModeTests(PaperVenue venue) : IClassFixture<PaperVenue>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarketEndpoints_Paper_AnswerWithTheUpstreamsInstrumentsKlinesAndBook()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        var upstream = venue.Market(venue.UpstreamAddress);
        var paper = venue.Market(venue.PaperAddress);

        var instruments = (await upstream.GetInstrumentsAsync(Cancellation), await paper.GetInstrumentsAsync(Cancellation));
        var klines = (await upstream.GetKlinesAsync(btc, CandleInterval.FifteenMinutes, 50, Cancellation), await paper.GetKlinesAsync(btc, CandleInterval.FifteenMinutes, 50, Cancellation));
        var books = (await upstream.GetOrderBookAsync(btc, 50, Cancellation), await paper.GetOrderBookAsync(btc, 50, Cancellation));

        Assert.Equal(32, instruments.Item1.Count);
        Assert.Equal(instruments.Item1, instruments.Item2);
        Assert.Equal(50, klines.Item1.Count);
        Assert.Equal(klines.Item1, klines.Item2);
        Assert.Equal(50, books.Item1.Bids.Count);
        Assert.Equal(books.Item1.Bids, books.Item2.Bids);
        Assert.Equal(books.Item1.Asks, books.Item2.Asks);
        Assert.Equal((books.Item1.UpdateId, books.Item1.Sequence), (books.Item2.UpdateId, books.Item2.Sequence));
    }

    [Fact]
    public async Task Health_UpstreamInstrumentsLoaded_Healthy()
    {
        using var http = new HttpClient { BaseAddress = venue.PaperAddress };

        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task PublicStream_Paper_PushesTheUpstreamsKlineBookAndTicker()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        using var probe = new CounterProbe();
        await using var upstream = PaperVenue.Stream(venue.UpstreamAddress, probe.Metrics);
        await using var paper = PaperVenue.Stream(venue.PaperAddress, probe.Metrics);

        foreach (var client in new[] { upstream, paper })
        {
            await client.SubscribeAsync([BybitTopics.Kline(eth, CandleInterval.FiveMinutes), BybitTopics.OrderBook(eth, 50), BybitTopics.Ticker(eth)], Cancellation);
        }

        var expected = await FirstOfEachAsync(upstream.Events);
        var relayed = await FirstOfEachAsync(paper.Events);

        Assert.Equal(expected.Kline.Candle, relayed.Kline.Candle);
        Assert.Equal(50, relayed.Book.Book.Asks.Count);
        Assert.Equal(expected.Book.Book.Bids, relayed.Book.Book.Bids);
        Assert.Equal(expected.Book.Book.Asks, relayed.Book.Book.Asks);
        var (direct, relayedTicker) = (expected.Ticker.Ticker, relayed.Ticker.Ticker);
        Assert.Equal((direct.LastPrice, direct.Bid1Price, direct.Ask1Price, direct.Volume24h), (relayedTicker.LastPrice, relayedTicker.Bid1Price, relayedTicker.Ask1Price, relayedTicker.Volume24h));
        Assert.Equal(0, probe.Sum("bybit.ws.bad_payloads"));
    }

    [Fact]
    public async Task MarketBuy_Paper_FillsAtTheUpstreamsBestAskAndOnlyThePaperWalletPaysTheFee()
    {
        var bnb = InstrumentSymbol.Parse("BNBUSDT");
        var instrument = (await venue.Market(venue.UpstreamAddress).GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == bnb);
        var bestAsk = (await venue.Market(venue.UpstreamAddress).GetOrderBookAsync(bnb, 50, Cancellation)).BestAsk!.Value;
        var quantity = instrument.MinOrderQty * Math.Max(1, decimal.Ceiling(2 * instrument.MinNotionalValue / bestAsk.Price / instrument.MinOrderQty));
        Assert.True(quantity <= bestAsk.Quantity, "the test order must fit in the best ask");
        var paper = venue.Private(venue.PaperAddress);
        var upstream = venue.Private(venue.UpstreamAddress);
        var upstreamWalletBefore = await upstream.GetWalletBalanceAsync(Cancellation);
        var paperWalletBefore = await paper.GetWalletBalanceAsync(Cancellation);
        var taker = (await paper.GetFeeRatesAsync(bnb, Cancellation)).Single().TakerFraction;

        var order = await paper.PlaceOrderOnceAsync(new OrderPlacement(bnb, OrderSide.Buy, IsMarket: true, quantity, "paper-market-buy-1"), Cancellation);
        var paperWalletAfter = await paper.GetWalletBalanceAsync(Cancellation);

        Assert.Equal(("Filled", quantity, bestAsk.Price), (order.Status, order.FilledQuantity, order.AveragePrice));
        Assert.Equal(quantity * bestAsk.Price * taker, order.Fee);
        Assert.Equal(paperWalletBefore.Wallet - order.Fee, paperWalletAfter.Wallet);
        Assert.Equal(upstreamWalletBefore, await upstream.GetWalletBalanceAsync(Cancellation));
        Assert.Empty((await upstream.GetExecutionsAsync(bnb, cancellationToken: Cancellation)).Items);
        Assert.Empty(venue.UpstreamExchange.OrderHistory(null));
    }

    [Fact]
    public async Task UpstreamTopics_PositionOpenedThenClosed_FollowedWhileOpenAndReleasedOnceFlat()
    {
        var link = InstrumentSymbol.Parse("LINKUSDT");
        var topics = new[] { BybitTopics.OrderBook(link, 50), BybitTopics.Ticker(link) };
        var paper = venue.Private(venue.PaperAddress);
        var quantity = await FittingQuantityAsync(link);

        await paper.PlaceOrderOnceAsync(new OrderPlacement(link, OrderSide.Buy, IsMarket: true, quantity, "paper-link-open"), Cancellation);
        var whileOpen = venue.UpstreamTopics;
        await paper.PlaceOrderOnceAsync(new OrderPlacement(link, OrderSide.Sell, IsMarket: true, quantity, "paper-link-close", ReduceOnly: true), Cancellation);
        var position = await paper.GetPositionAsync(link, Cancellation);

        Assert.Subset(whileOpen.ToHashSet(), topics.ToHashSet());
        Assert.Null(position);
        Assert.Empty(venue.UpstreamTopics.Intersect(topics));
    }

    private async Task<decimal> FittingQuantityAsync(InstrumentSymbol symbol)
    {
        var market = venue.Market(venue.UpstreamAddress);
        var instrument = (await market.GetInstrumentsAsync(Cancellation)).Single(candidate => candidate.Symbol == symbol);
        var book = await market.GetOrderBookAsync(symbol, 50, Cancellation);
        var quantity = instrument.MinOrderQty * Math.Max(1, decimal.Ceiling(2 * instrument.MinNotionalValue / book.BestAsk!.Value.Price / instrument.MinOrderQty));
        Assert.True(quantity <= book.BestAsk.Value.Quantity && quantity <= book.BestBid!.Value.Quantity, "the test order must fit in the best prices");
        return quantity;
    }

    /// <summary>The first kline, book and ticker a client delivers, whatever order they come in.</summary>
    private static async Task<(KlineReceived Kline, OrderBookChanged Book, TickerReceived Ticker)> FirstOfEachAsync(System.Threading.Channels.ChannelReader<MarketStreamEvent> events)
    {
        KlineReceived? kline = null;
        OrderBookChanged? book = null;
        TickerReceived? ticker = null;
        while (kline is null || book is null || ticker is null)
        {
            switch (await WaitForAsync<MarketStreamEvent>(events))
            {
                case KlineReceived received:
                    kline ??= received;
                    break;
                case OrderBookChanged changed:
                    book ??= changed;
                    break;
                case TickerReceived received:
                    ticker ??= received;
                    break;
            }
        }

        return (kline, book, ticker);
    }
}
