using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>The market moves between bar closes: trades, book deltas and forming klines arrive inside every bar, over real sockets.</summary>
public sealed class IntrabarStreamTests(StreamingSimulator simulator) : IClassFixture<StreamingSimulator>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BybitPublicStreamClient NewClient(CounterProbe probe) =>
        new(simulator.ClientOptions(), TimeProvider.System, new CapturedLogs().For<BybitPublicStreamClient>(), probe.Metrics, new Random(5));

    [Fact]
    public async Task Trades_InsideOneBar_HundredsPerSimulatedMinuteAndTheyMakeTheBar()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);
        await client.SubscribeTradesAsync(btc, Cancellation);

        // Collect every trade of the first whole 5-minute bar after the subscription.
        var trades = new List<Trade>();
        DateTimeOffset? barOpen = null;
        while (true)
        {
            var batch = await WaitForAsync<TradesReceived>(client.Events);
            foreach (var trade in batch.Trades)
            {
                var open = CandleInterval.FiveMinutes.OpenTimeContaining(trade.Time);
                barOpen ??= CandleInterval.FiveMinutes.NextOpenTime(open);
                if (open == barOpen)
                {
                    trades.Add(trade);
                }
            }

            if (batch.Trades[^1].Time >= barOpen!.Value.AddMinutes(5))
            {
                break;
            }
        }

        var bars = await new BybitMarketClient(simulator.Http, TimeProvider.System).GetKlinesAsync(btc, CandleInterval.FiveMinutes, 1000, Cancellation);
        var bar = bars.Single(candidate => candidate.OpenTime == barOpen);
        Assert.True(trades.Count >= 500, $"{trades.Count} trades in one 5-minute bar");
        Assert.Equal(bar.Open, trades[0].Price);
        Assert.Equal(bar.Close, trades[^1].Price);
        Assert.Equal(bar.High, trades.Max(trade => trade.Price));
        Assert.Equal(bar.Low, trades.Min(trade => trade.Price));
        Assert.Equal(bar.Volume, trades.Sum(trade => trade.Size));
        Assert.Contains(trades, trade => trade.TakerSide == TakerSide.Buy);
        Assert.Contains(trades, trade => trade.TakerSide == TakerSide.Sell);
        Assert.Equal(0, probe.Sum("bybit.ws.bad_payloads"));
    }

    [Fact]
    public async Task OrderBook_InsideOneBar_ManyDeltasInSequenceNeverCrossed()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);
        await client.SubscribeOrderBookAsync(eth, 50, Cancellation);

        var first = await WaitForAsync<OrderBookChanged>(client.Events);
        var barOpen = CandleInterval.FiveMinutes.NextOpenTime(first.Book.Time);
        var inBar = new List<OrderBookSnapshot>();
        while (true)
        {
            var changed = await WaitForAsync<OrderBookChanged>(client.Events);
            if (changed.Book.Time >= barOpen.AddMinutes(5))
            {
                break;
            }

            if (changed.Book.Time >= barOpen)
            {
                inBar.Add(changed.Book);
            }
        }

        Assert.True(inBar.Count >= 20, $"{inBar.Count} book updates inside one bar");
        Assert.All(inBar, book => Assert.False(book.IsCrossed));
        Assert.True(inBar.Zip(inBar.Skip(1)).All(pair => pair.Second.Sequence > pair.First.Sequence), "seq increases");
        Assert.True(inBar.Select(book => book.BestBid!.Value.Price).Distinct().Count() > 3, "the touch moves inside the bar");
        Assert.Equal(0, probe.Sum("bybit.ws.orderbook_resyncs", "reason", "gap"));
    }

    [Fact]
    public async Task Klines_OneMinute_FormingBarMovesAndTheConfirmedBarEqualsRest()
    {
        var sol = InstrumentSymbol.Parse("SOLUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(probe);
        await client.SubscribeKlinesAsync(sol, CandleInterval.OneMinute, Cancellation);

        var moving = await WaitForAsync<KlineReceived>(client.Events, kline => !kline.Candle.IsClosed && kline.Candle.High > kline.Candle.Low && kline.Candle.Volume > 0);
        var closed = await WaitForAsync<KlineReceived>(client.Events, kline => kline.Candle.IsClosed);
        var rest = await new BybitMarketClient(simulator.Http, TimeProvider.System).GetKlinesAsync(sol, CandleInterval.OneMinute, 200, Cancellation);

        Assert.Equal(CandleInterval.OneMinute, moving.Candle.Interval);
        Assert.Equal(closed.Candle, rest.Single(bar => bar.OpenTime == closed.Candle.OpenTime));
        Assert.All(rest.Zip(rest.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), pair.Second.OpenTime - pair.First.OpenTime));
    }

    [Fact]
    public async Task Subscribe_KnownAndUnknownTopicsTogether_KnownOnesAreServedAndTheAnswerNamesTheUnknown()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(simulator.PublicEndpoint, Cancellation);
        var request = """{"req_id":"mixed-1","op":"subscribe","args":["kline.1.BTCUSDT","kline.7.BTCUSDT"]}""";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, endOfMessage: true, Cancellation);

        using var answer = await ReceiveAsync(socket, frame => frame.RootElement.TryGetProperty("op", out _));
        using var kline = await ReceiveAsync(socket, frame => frame.RootElement.TryGetProperty("topic", out var topic) && topic.GetString() == "kline.1.BTCUSDT");

        Assert.False(answer.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("mixed-1", answer.RootElement.GetProperty("req_id").GetString());
        var message = answer.RootElement.GetProperty("ret_msg").GetString()!;
        Assert.Contains("kline.7.BTCUSDT", message, StringComparison.Ordinal);
        Assert.DoesNotContain("kline.1.BTCUSDT", message, StringComparison.Ordinal);
        Assert.Equal("1", kline.RootElement.GetProperty("data")[0].GetProperty("interval").GetString());
    }

    private static async Task<JsonDocument> ReceiveAsync(ClientWebSocket socket, Func<JsonDocument, bool> match)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(Patience);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, limit.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var frame = JsonDocument.Parse(message.ToArray());
            if (match(frame))
            {
                return frame;
            }

            frame.Dispose();
        }
    }
}
