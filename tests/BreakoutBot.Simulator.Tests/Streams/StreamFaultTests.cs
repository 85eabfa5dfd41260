using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>Connections cut or gone silent at the simulator: the clients notice, reconnect, resubscribe and flow again.</summary>
public sealed class StreamFaultTests(StreamingSimulator simulator) : IClassFixture<StreamingSimulator>
{
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drop_AllConnectionsCut_PublicAndPrivateReconnectResubscribeAndFlowAgain()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        var logs = new CapturedLogs();
        await using var market = new BybitPublicStreamClient(simulator.ClientOptions(), TimeProvider.System, logs.For<BybitPublicStreamClient>(), probe.Metrics, new Random(1));
        await using var account = new BybitPrivateStreamClient(simulator.ClientOptions(), SimAccount, TimeProvider.System, logs.For<BybitPrivateStreamClient>(), probe.Metrics, new Random(2));
        await market.SubscribeOrderBookAsync(btc, 50, Cancellation);
        await market.SubscribeKlinesAsync(btc, CandleInterval.FiveMinutes, Cancellation);
        await account.StartAsync(Cancellation);
        await WaitForAsync<OrderBookChanged>(market.Events);

        var dropped = await simulator.FaultAsync("/sim/faults/ws-drop");
        var reconnected = await WaitForAsync<MarketStreamReconnected>(market.Events);
        var book = await WaitForAsync<OrderBookChanged>(market.Events);
        var kline = await WaitForAsync<KlineReceived>(market.Events);
        await WaitForPrivateAsync<PrivateStreamReconnected>(account.Events);
        await new BybitPrivateClient(simulator.Http, SimAccount, TimeProvider.System)
            .PlaceOrderAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, 0.001m, "ws-after-drop-1"), Cancellation);
        var order = await WaitForPrivateAsync<OrderUpdate>(account.Events, update => update.OrderLinkId == "ws-after-drop-1");

        Assert.True(dropped >= 2);
        Assert.Equal(2, reconnected.Topics.Count);
        Assert.Equal(btc, book.Book.Symbol);
        Assert.Equal(btc, kline.Symbol);
        Assert.Equal(btc, order.Symbol);
        Assert.True(probe.Sum("bybit.ws.reconnects", "stream", "private") >= 1);
        Assert.True(probe.Sum("bybit.ws.reconnects", "stream", "public-0") >= 1);
    }

    [Fact]
    public async Task Delay_StreamGoesSilent_ClientDeclaresItDeadAndRecoversWhenItFlowsAgain()
    {
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        using var probe = new CounterProbe();
        var logs = new CapturedLogs();
        var options = simulator.ClientOptions();
        options.PingInterval = TimeSpan.FromMilliseconds(250);
        options.DeadAfter = TimeSpan.FromSeconds(2);
        await using var market = new BybitPublicStreamClient(options, TimeProvider.System, logs.For<BybitPublicStreamClient>(), probe.Metrics, new Random(4));
        await market.SubscribeKlinesAsync(eth, CandleInterval.FiveMinutes, Cancellation);
        await WaitForAsync<KlineReceived>(market.Events);

        try
        {
            await simulator.FaultAsync("/sim/faults/ws-delay?ms=5000");
            await UntilAsync(() => Task.FromResult(logs.Entries.Any(entry => entry.EventId.Id == 3003)), "declared dead");
        }
        finally
        {
            await simulator.FaultAsync("/sim/faults/ws-delay?ms=0");
        }

        await WaitForAsync<MarketStreamReconnected>(market.Events);
        var kline = await WaitForAsync<KlineReceived>(market.Events);

        Assert.Equal(eth, kline.Symbol);
        Assert.True(probe.Sum("bybit.ws.reconnects") >= 1);
    }

    [Fact]
    public async Task Drop_WhileLoginAnswerIsHeld_ReconnectsAtOnceInsteadOfWaitingForTheRequestTimeout()
    {
        using var probe = new CounterProbe();
        var logs = new CapturedLogs();
        var options = simulator.ClientOptions();
        options.RequestTimeout = TimeSpan.FromMinutes(10);
        await using var account = new BybitPrivateStreamClient(options, SimAccount, TimeProvider.System, logs.For<BybitPrivateStreamClient>(), probe.Metrics, new Random(5));
        Task started;
        try
        {
            // Every frame is held back, the login answer too: the client sits waiting for it when its connection is cut.
            await simulator.FaultAsync("/sim/faults/ws-delay?ms=60000");
            started = account.StartAsync(Cancellation);
            await UntilAsync(async () => await simulator.FaultAsync("/sim/faults/ws-drop") > 0, "the login connection to cut");
        }
        finally
        {
            await simulator.FaultAsync("/sim/faults/ws-delay?ms=0");
        }

        // With a ten-minute request timeout only noticing the lost connection can bring the session up within the wait.
        await started.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.True(started.IsCompletedSuccessfully);
    }
}
