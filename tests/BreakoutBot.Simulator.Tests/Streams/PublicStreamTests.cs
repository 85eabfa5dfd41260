using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>Our public stream client against the simulator's <c>/v5/public/linear</c>, over real loopback sockets.</summary>
public sealed class PublicStreamTests(StreamingSimulator simulator) : IClassFixture<StreamingSimulator>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BybitPublicStreamClient NewClient(CounterProbe probe, int maxTopicsPerConnection = 100, CapturedLogs? logs = null) =>
        new(simulator.ClientOptions(maxTopicsPerConnection), TimeProvider.System, (logs ?? new CapturedLogs()).For<BybitPublicStreamClient>(), probe.Metrics, new Random(5));

    [Fact]
    public async Task Klines_FiveMinutes_FormingUpdatesThenAConfirmedCloseEqualToTheRestBar()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);

        await client.SubscribeKlinesAsync(btc, CandleInterval.FiveMinutes, Cancellation);
        var forming = await WaitForAsync<KlineReceived>(client.Events, kline => !kline.Candle.IsClosed);
        var closed = await WaitForAsync<KlineReceived>(client.Events, kline => kline.Candle.IsClosed);
        var rest = await new BybitMarketClient(simulator.Http, TimeProvider.System).GetKlinesAsync(btc, CandleInterval.FiveMinutes, 1000, Cancellation);

        Assert.Equal(btc, forming.Symbol);
        Assert.Equal(closed.Candle, rest.Single(bar => bar.OpenTime == closed.Candle.OpenTime));
        Assert.Equal(0, probe.Sum("bybit.ws.bad_payloads"));
    }

    [Fact]
    public async Task Klines_FifteenMinutes_ConfirmedBarAggregatesThreeFiveMinuteBars()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);

        await client.SubscribeKlinesAsync(eth, CandleInterval.FifteenMinutes, Cancellation);
        var closed = await WaitForAsync<KlineReceived>(client.Events, kline => kline.Candle.IsClosed);
        var fives = await new BybitMarketClient(simulator.Http, TimeProvider.System).GetKlinesAsync(eth, CandleInterval.FiveMinutes, 1000, Cancellation);

        var parts = fives.Where(bar => bar.OpenTime >= closed.Candle.OpenTime && bar.OpenTime < closed.Candle.CloseTime).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal(parts.Sum(bar => bar.Volume), closed.Candle.Volume);
        Assert.Equal(parts[^1].Close, closed.Candle.Close);
    }

    [Fact]
    public async Task OrderBook_SnapshotThenDeltas_EqualsTheRestBookAtTheSameSeqAndNeverCrosses()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);
        var market = new BybitMarketClient(simulator.Http, TimeProvider.System);

        await client.SubscribeOrderBookAsync(btc, 50, Cancellation);
        var books = new List<OrderBookSnapshot>();
        while (books.Count < 4)
        {
            books.Add((await WaitForAsync<OrderBookChanged>(client.Events)).Book);
        }

        // The book moves with every print, so the stream and REST rarely meet at one seq: each must equal the venue's
        // book at its own seq.
        var rest = await market.GetOrderBookAsync(btc, 50, Cancellation);
        var streamed = client.OrderBook(btc, 50)!;

        Assert.All(books, book => Assert.False(book.IsCrossed));
        Assert.All(books.Zip(books.Skip(1)), pair => Assert.True(pair.Second.Sequence > pair.First.Sequence && pair.Second.UpdateId == pair.First.UpdateId + 1));
        foreach (var book in new[] { rest, streamed })
        {
            var venue = VenueBookAt(btc, book.Sequence);
            Assert.Equal(venue.Bids, book.Bids);
            Assert.Equal(venue.Asks, book.Asks);
        }

        Assert.Equal(0, probe.Sum("bybit.ws.orderbook_resyncs"));
    }

    [Fact]
    public async Task OrderBook_GapInUpdateIds_ResynchronizesFromANewSnapshot()
    {
        var sol = InstrumentSymbol.Parse("SOLUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);

        await client.SubscribeOrderBookAsync(sol, 50, Cancellation);
        await WaitForAsync<OrderBookChanged>(client.Events);
        await simulator.FaultAsync("/sim/faults/ws-book-gap?symbol=SOLUSDT");
        var resync = await WaitForAsync<OrderBookResynchronizing>(client.Events);
        var recovered = await WaitForAsync<OrderBookChanged>(client.Events);

        Assert.Equal(("gap", sol), (resync.Reason, resync.Symbol));
        Assert.False(recovered.Book.IsCrossed);
        Assert.Equal(1, probe.Sum("bybit.ws.orderbook_resyncs", "reason", "gap"));
    }

    private OrderBookSnapshot VenueBookAt(InstrumentSymbol symbol, long sequence)
    {
        // seq is the tape cursor just after a print: the first print after (seq − 1) is that print.
        var print = simulator.Market.PrintsSince(symbol, sequence - 1)[0];
        return Domain.Simulation.SyntheticBook.After(print.Tape, print.From, 50, sequence, sequence);
    }

    [Fact]
    public async Task Trades_AsTheyPrint_ArriveWithTheIdsRecentTradeReports()
    {
        var xrp = InstrumentSymbol.Parse("XRPUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);

        await client.SubscribeTradesAsync(xrp, Cancellation);
        var pushed = await WaitForAsync<TradesReceived>(client.Events, push => push.Trades.Count >= 2);
        var recent = await new BybitMarketClient(simulator.Http, TimeProvider.System).GetRecentTradesAsync(xrp, 1000, Cancellation);

        Assert.NotEmpty(pushed.Trades);
        Assert.All(pushed.Trades, trade => Assert.Equal(xrp, trade.Symbol));

        // Both oldest first, prints of the same millisecond included (the client keeps the venue's order among them).
        Assert.Equal(pushed.Trades.Select(trade => trade.TradeId), recent.Where(trade => pushed.Trades.Any(p => p.TradeId == trade.TradeId)).Select(trade => trade.TradeId));
    }

    [Fact]
    public async Task Tickers_SnapshotThenDeltas_MergeIntoCompleteTickers()
    {
        var ada = InstrumentSymbol.Parse("ADAUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);

        await client.SubscribeTickersAsync(ada, Cancellation);
        var first = await WaitForAsync<TickerReceived>(client.Events);
        var changed = await WaitForAsync<TickerReceived>(client.Events, ticker => ticker.Ticker.LastPrice != first.Ticker.LastPrice || ticker.Ticker.Volume24h != first.Ticker.Volume24h);

        Assert.Equal(ada, changed.Ticker.Symbol);
        Assert.True(changed.Ticker.Bid1Price < changed.Ticker.Ask1Price);
        Assert.True(changed.Ticker.Turnover24h > 0 && changed.Ticker.OpenInterest > 0);
        Assert.Equal(0, probe.Sum("bybit.ws.bad_payloads"));
    }

    [Fact]
    public async Task Subscribe_UnknownTopic_IsRefusedWithTheVenuesMessageAndTheClientGoesOn()
    {
        using var probe = new CounterProbe();
        await using var client = NewClient(probe, maxTopicsPerConnection: 1);

        var refusal = await Assert.ThrowsAsync<BybitStreamException>(() => client.SubscribeAsync(["kline.7.BTCUSDT"], Cancellation));
        await client.SubscribeTickersAsync(InstrumentSymbol.Parse("BTCUSDT"), Cancellation);
        var ticker = await WaitForAsync<TickerReceived>(client.Events);

        Assert.Contains("handler not found", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("BTCUSDT", ticker.Ticker.Symbol.Value);
        Assert.Equal(1, client.ConnectionCount);
    }

    [Fact]
    public async Task Subscribe_MoreTopicsThanOneConnectionTakes_ShardsAcrossConnectionsAndAllFlow()
    {
        string[] symbols = ["DOGEUSDT", "LINKUSDT", "AVAXUSDT", "DOTUSDT", "LTCUSDT"];
        using var probe = new CounterProbe();
        await using var client = NewClient(probe, maxTopicsPerConnection: 2);

        await client.SubscribeAsync(symbols.Select(symbol => BybitTopics.OrderBook(InstrumentSymbol.Parse(symbol), 1)), Cancellation);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < symbols.Length)
        {
            seen.Add((await WaitForAsync<OrderBookChanged>(client.Events)).Book.Symbol.Value);
        }

        Assert.Equal(3, client.ConnectionCount);
    }

    [Fact]
    public async Task MalformedPayloads_TruncatedUnknownEnumMissingField_AreCountedAndTheStreamGoesOn()
    {
        var bnb = InstrumentSymbol.Parse("BNBUSDT");
        var topic = BybitTopics.Trades(bnb);
        using var probe = new CounterProbe();
        var logs = new CapturedLogs();
        await using var client = NewClient(probe, logs: logs);
        await client.SubscribeTradesAsync(bnb, Cancellation);
        await client.SubscribeOrderBookAsync(bnb, 50, Cancellation);
        await WaitForAsync<OrderBookChanged>(client.Events);

        string[] kinds = ["truncated", "unknown-enum", "missing-field"];
        for (var i = 0; i < kinds.Length; i++)
        {
            // Each bad payload makes the client resubscribe; inject again if it arrived while the topic was away.
            var expected = i + 1;
            await UntilAsync(async () => await simulator.FaultAsync($"/sim/faults/ws-inject?topic={topic}&kind={kinds[i]}") == 1, "delivered to the client");
            await UntilAsync(() => Task.FromResult(probe.Sum("bybit.ws.bad_payloads", "topic", topic) >= expected), $"{expected} bad trade payload(s) counted");
        }

        await UntilAsync(async () => await simulator.FaultAsync("/sim/faults/ws-inject?topic=orderbook.50.BNBUSDT&kind=missing-field") == 1, "delivered to the client");
        await UntilAsync(() => Task.FromResult(probe.Sum("bybit.ws.bad_payloads", "topic", "orderbook.50.BNBUSDT") >= 1), "the bad book payload counted");
        var trades = await WaitForAsync<TradesReceived>(client.Events);
        var book = await WaitForAsync<OrderBookChanged>(client.Events);

        Assert.Equal(bnb, trades.Symbol);
        Assert.False(book.Book.IsCrossed);
        Assert.Equal(3, probe.Sum("bybit.ws.bad_payloads", "topic", topic));
        Assert.Equal(1, probe.Sum("bybit.ws.bad_payloads", "topic", "orderbook.50.BNBUSDT"));
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 3004 && entry.Text.Contains(topic, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RawSocket_PingAndTopicLimit_AnsweredLikeBybit()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(simulator.PublicEndpoint, Cancellation);

        var pong = await RequestAsync(socket, """{"req_id":"100001","op":"ping"}""");
        var first = await RequestAsync(socket, """{"req_id":"one","op":"subscribe","args":["tickers.BTCUSDT"]}""");
        var beyondLimit = await RequestAsync(socket, $$"""{"req_id":"limit","op":"subscribe","args":[{{string.Join(',', KnownTopics(20))}}]}""");

        Assert.Equal(("ping", true, "pong", "100001"), (pong.GetProperty("op").GetString(), pong.GetProperty("success").GetBoolean(), pong.GetProperty("ret_msg").GetString(), pong.GetProperty("req_id").GetString()));
        Assert.Equal(("subscribe", true, "one"), (first.GetProperty("op").GetString(), first.GetProperty("success").GetBoolean(), first.GetProperty("req_id").GetString()));
        Assert.False(beyondLimit.GetProperty("success").GetBoolean());
        Assert.Contains("too many topics", beyondLimit.GetProperty("ret_msg").GetString(), StringComparison.Ordinal);
    }

    private static readonly string[] FiveSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT"];

    private static IEnumerable<string> KnownTopics(int count) =>
        FiveSymbols
            .SelectMany(symbol => new[] { $"\"orderbook.1.{symbol}\"", $"\"orderbook.50.{symbol}\"", $"\"publicTrade.{symbol}\"", $"\"kline.5.{symbol}\"" })
            .Take(count);

    /// <summary>Sends a request and returns the first control answer (frames with <c>op</c>), skipping data pushes.</summary>
    private static async Task<JsonElement> RequestAsync(ClientWebSocket socket, string request)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, Cancellation);
        var buffer = new byte[1 << 20];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), Cancellation).AsTask().WaitAsync(Patience, Cancellation);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            var frame = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
            if (frame.TryGetProperty("op", out _))
            {
                return frame;
            }
        }
    }
}
