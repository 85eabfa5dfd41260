using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Json;
using BreakoutBot.Contracts.Events;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Api.Tests;

public sealed class EventsHubTests(ApiFixture api)
{
    private static readonly string[] TradeEventTypes = [nameof(SignalDetected), nameof(OrderUpdated), nameof(FillRecorded), nameof(PositionUpdated), nameof(TradeClosed)];

    [Fact]
    public async Task Hub_ATrade_ArrivesAsSignalOrderFillPositionInOrderWithEntryIds()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received, TradeEventTypes);
        var trade = Trade();

        await PublishTradeAsync(trade);
        var events = await ReadAsync(received, 5);

        Assert.Equal(TradeEventTypes, events.Select(item => item.Type));
        Assert.Equal(trade.Signal.SignalId, events[0].Payload.GetProperty("signalId").GetString());
        Assert.Equal(StreamNames.Signals, events[0].Stream);
        Assert.All(events.Skip(1), item => Assert.Equal(StreamNames.TradingEvents, item.Stream));
        Assert.Equal(trade.Order.OrderId, events[1].Payload.GetProperty("orderId").GetString());
        Assert.Equal(100.123456789m, events[2].Payload.GetProperty("price").GetDecimal());
        Assert.Equal(trade.Position.PositionId, events[3].Payload.GetProperty("positionId").GetString());
        Assert.All(events, item => Assert.True(EventHistory.IsEntryId(item.EntryId)));
        Assert.Equal(trade.Signal.SignalId, events[0].CorrelationId);
    }

    [Fact]
    public async Task GetMissedEvents_AfterAnEntryId_ReturnsExactlyWhatCameLater()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received, TradeEventTypes);
        await PublishTradeAsync(Trade());
        var first = await ReadAsync(received, 5);
        var lastSeen = first[^1].EntryId;

        // The client drops out; more happens; it comes back and asks.
        await connection.StopAsync(TestData.Cancel);
        var missed = Trade();
        await PublishTradeAsync(missed);
        await connection.StartAsync(TestData.Cancel);
        var replay = await connection.InvokeAsync<IReadOnlyList<HubEvent>>("GetMissedEvents", StreamNames.TradingEvents, lastSeen, 100, TestData.Cancel);
        using var client = api.Client();
        var rest = await (await client.GetAsync($"/api/events?stream=trading-events&after={lastSeen}", TestData.Cancel)).ReadAsync<List<HubEvent>>();

        Assert.Equal([nameof(OrderUpdated), nameof(FillRecorded), nameof(PositionUpdated), nameof(TradeClosed)], replay.Select(item => item.Type));
        Assert.Equal(missed.Order.OrderId, replay[0].Payload.GetProperty("orderId").GetString());
        Assert.Equal(replay.Select(item => item.EntryId), rest.Select(item => item.EntryId));
    }

    [Fact]
    public async Task MalformedEntriesOnBothStreams_AreSkipped_TheApiKeepsServingAndPushing()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received, TradeEventTypes);
        var redis = api.Redis.GetDatabase();
        var before = await new RedisStreamReader(api.Redis).LastEntryIdAsync(StreamNames.TradingEvents);

        // A hundred bad entries on each stream: not JSON, no envelope, no type, no payload, oversized, wrong types.
        string[] bad = ["{not json", "[1,2", """{"id":"b"}""", """{"id":"b","type":"OrderUpdated","version":1}""", """{"id":5,"type":[],"payload":1}""", new string('x', 300_000)];
        foreach (var stream in EventHistory.Streams)
        {
            for (var i = 0; i < 100; i++)
            {
                await redis.StreamAddAsync(stream, "envelope", bad[i % bad.Length]);
            }

            await redis.StreamAddAsync(stream, "not-an-envelope", "x");
        }

        var trade = Trade();
        await PublishTradeAsync(trade);
        var events = await ReadAsync(received, 5);
        using var client = api.Client();
        using var replay = await client.GetAsync($"/api/events?stream=trading-events{(before is null ? "" : "&after=" + before)}&limit=1000", TestData.Cancel);
        using var health = await client.GetAsync("/health", TestData.Cancel);
        using var positions = await client.GetAsync("/api/trading/positions", TestData.Cancel);

        Assert.Equal(TradeEventTypes, events.Select(item => item.Type));
        Assert.Equal(trade.Signal.SignalId, events[0].Payload.GetProperty("signalId").GetString());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var replayed = await replay.ReadAsync<List<HubEvent>>();
        Assert.Equal(TradeEventTypes[1..], replayed.Where(item => item.CorrelationId == trade.Signal.SignalId).Select(item => item.Type));
        Assert.DoesNotContain(replayed, item => item.MessageId == "b");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, positions.StatusCode);
    }

    [Fact]
    public async Task GetMissedEvents_BadArguments_AreHubErrors()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<IReadOnlyList<HubEvent>>("GetMissedEvents", "commands", null, 10, TestData.Cancel));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<IReadOnlyList<HubEvent>>("GetMissedEvents", StreamNames.TradingEvents, "drop table", 10, TestData.Cancel));
    }

    [Fact]
    public async Task Hub_EngineAndKillSwitchEvents_ArePushed()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received, nameof(EngineStateChanged), nameof(KillSwitchChanged));
        var at = DateTimeOffset.UtcNow;

        await api.Publisher.PublishAsync(StreamNames.TradingEvents, new KillSwitchChanged("ks-" + Guid.NewGuid().ToString("N"), true, "daily loss", at), "c");
        await api.Publisher.PublishAsync(StreamNames.TradingEvents, new EngineStateChanged("es-" + Guid.NewGuid().ToString("N"), "Emergency", "sim", "breakout_v1", 1, at, "kill switch"), "c");
        var events = await ReadAsync(received, 2);

        Assert.Equal([nameof(KillSwitchChanged), nameof(EngineStateChanged)], events.Select(item => item.Type));
        Assert.Equal("daily loss", events[0].Payload.GetProperty("reason").GetString());
        Assert.Equal("Emergency", events[1].Payload.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Hub_ScanBurst_PushesThrottledSnapshots()
    {
        var snapshots = new ConcurrentQueue<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath), options => options.Headers["X-Api-Key"] = ApiFixture.WebKey)
            .Build();
        connection.On<JsonElement>(HubEventNames.ScanSnapshot, snapshots.Enqueue);
        await connection.StartAsync(TestData.Cancel);
        var symbol = TestData.NewSymbol();
        await new ScannerApiTests(api).PublishSnapshotAsync(symbol);

        for (var index = 0; index < 10; index++)
        {
            await api.Publisher.PublishAsync(StreamNames.TradingEvents, new ScanCompleted("scan-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, 32, 1, 0, DateTimeOffset.UtcNow), "scan");
        }

        // 10 completions in a burst: one push at once, one trailing push after the 300 ms interval, no more.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestData.Cancel);
        Assert.InRange(snapshots.Count, 1, 2);
        Assert.Equal(symbol, snapshots.Last().GetProperty("symbols")[0].GetProperty("symbol").GetString());
        var latest = await connection.InvokeAsync<ScanSnapshot?>("GetLatestScan", TestData.Cancel);
        Assert.Equal(symbol, latest!.Symbols[0].Symbol);
    }

    [Fact]
    public async Task Worker_CommandAcknowledgement_IsAlsoPushedToClients()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var connection = await ConnectAsync(received, nameof(CommandAcknowledged));
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsync("/api/engine/resume", null, TestData.Cancel);
        var commandId = (await response.JsonAsync()).GetProperty("commandId").GetString();
        var ack = (await ReadAsync(received, 1))[0];

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(commandId, ack.Payload.GetProperty("commandId").GetString());
    }

    private async Task<HubConnection> ConnectAsync(Channel<HubEvent> received, params string[] types)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath), options => options.Headers["X-Api-Key"] = ApiFixture.WebKey)
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        foreach (var type in types)
        {
            connection.On<HubEvent>(type, item => received.Writer.TryWrite(item));
        }

        await connection.StartAsync(TestData.Cancel);
        return connection;
    }

    private static async Task<List<HubEvent>> ReadAsync(Channel<HubEvent> received, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestData.Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var events = new List<HubEvent>();
        while (events.Count < count)
        {
            events.Add(await received.Reader.ReadAsync(timeout.Token));
        }

        return events;
    }

    private sealed record TradeMessages(SignalDetected Signal, OrderUpdated Order, FillRecorded Fill, PositionUpdated Position, TradeClosed Closed);

    private static TradeMessages Trade()
    {
        var at = DateTimeOffset.UtcNow;
        var symbol = TestData.NewSymbol();
        var signal = new SignalDetected(
            TestData.NewId("sig"), symbol, PositionDirection.Long, BreakoutStrategy.Momentum, 100m, 100.1m, 98.7m, 0.8, "breakout_v1", 1, "15",
            at.AddMinutes(-15), at, at.AddMinutes(5), ["volume surge"]);
        var order = new OrderUpdated(
            TestData.NewId("evt"), TestData.NewId("ord"), "v-1", null, signal.SignalId, symbol, OrderSide.Buy, "Entry", "Market", null, null, 2m, 2m, 100.123456789m, "Filled", null, at);
        var position = TestData.NewId("pos");
        var fill = new FillRecorded(TestData.NewId("exec"), order.OrderId, position, symbol, OrderSide.Buy, 100.123456789m, 2m, 0.12m, LiquidityRole.Taker, at);
        var update = new PositionUpdated(TestData.NewId("evt"), position, symbol, PositionDirection.Long, "Open", 100.123456789m, 2m, 2m, 98.7m, "Initial", 0m, at, at);
        var closed = new TradeClosed(TestData.NewId("trade"), position, symbol, PositionDirection.Long, 100.123456789m, 104m, 2m, 7.5m, 0.24m, 1.9m, "TakeProfit", at, at.AddMinutes(30));
        return new TradeMessages(signal, order, fill, update, closed);
    }

    private async Task PublishTradeAsync(TradeMessages trade)
    {
        var correlation = trade.Signal.SignalId;
        await api.Publisher.PublishAsync(StreamNames.Signals, trade.Signal, correlation);
        await api.Publisher.PublishAsync(StreamNames.TradingEvents, trade.Order, correlation);
        await api.Publisher.PublishAsync(StreamNames.TradingEvents, trade.Fill, correlation);
        await api.Publisher.PublishAsync(StreamNames.TradingEvents, trade.Position, correlation);
        await api.Publisher.PublishAsync(StreamNames.TradingEvents, trade.Closed, correlation);
    }
}
