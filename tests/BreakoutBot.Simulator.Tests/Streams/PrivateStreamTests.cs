using System.Text.RegularExpressions;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>Our private stream client against the simulator's <c>/v5/private</c>, over real loopback sockets.</summary>
public sealed partial class PrivateStreamTests(StreamingSimulator simulator) : IClassFixture<StreamingSimulator>
{
    private const string ApiKey = "sim-api-key";
    private const string ApiSecret = "sim-api-secret";
    private static readonly BybitCredentials SimAccount = new(ApiKey, ApiSecret);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BybitPrivateStreamClient NewClient(CapturedLogs logs, CounterProbe probe, BybitCredentials? credentials = null) =>
        new(simulator.ClientOptions(), credentials ?? SimAccount, TimeProvider.System, logs.For<BybitPrivateStreamClient>(), probe.Metrics, new Random(3));

    [Fact]
    public async Task StartAsync_AccountsSignature_AuthenticatesAndSubscribes()
    {
        using var probe = new CounterProbe();
        await using var client = NewClient(new CapturedLogs(), probe);

        await client.StartAsync(Cancellation);

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task StartAsync_WrongSecret_IsRefusedWithParamsError()
    {
        using var probe = new CounterProbe();
        await using var client = NewClient(new CapturedLogs(), probe, new BybitCredentials(ApiKey, "not-the-secret"));

        var refusal = await Assert.ThrowsAsync<BybitStreamAuthenticationException>(() => client.StartAsync(Cancellation));

        Assert.Contains("Params Error", refusal.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task MarketOrderOverRest_PushesOrderExecutionPositionAndWalletInThatOrder()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(new CapturedLogs(), probe);
        await client.StartAsync(Cancellation);
        var rest = new BybitPrivateClient(simulator.Http, SimAccount, TimeProvider.System);

        await rest.PlaceOrderAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, 0.010m, "ws-market-buy-1"), Cancellation);
        var received = new List<PrivateStreamEvent>();
        while (received.OfType<WalletUpdate>().FirstOrDefault() is null)
        {
            received.Add(await WaitForPrivateAsync<PrivateStreamEvent>(client.Events));
        }

        var wallet = await rest.GetWalletBalanceAsync(Cancellation);
        var filled = received.OfType<OrderUpdate>().Single(update => update.Status == OrderStatus.Filled);
        var execution = Assert.Single(received.OfType<ExecutionUpdate>());
        var position = received.OfType<PositionUpdate>().Last();
        Assert.Equal(("ws-market-buy-1", 0.010m, OrderType.Market), (filled.OrderLinkId, filled.FilledQuantity, filled.Type));
        Assert.Equal((filled.OrderId, "ws-market-buy-1", 0.010m, false), (execution.OrderId, execution.OrderLinkId, execution.Quantity, execution.IsMaker));
        Assert.Equal(filled.CumulativeFee, execution.Fee);
        Assert.Equal((btc, PositionDirection.Long, 0.010m), (position.Symbol, position.Direction, position.Size));
        Assert.Equal(wallet.Wallet, received.OfType<WalletUpdate>().Single().WalletBalance);
        Assert.True(received.IndexOf(filled) < received.IndexOf(execution));
        Assert.True(received.IndexOf(execution) < received.IndexOf(position));
    }

    [Fact]
    public async Task RestingLimitOrderCancelledOverRest_PushesNewThenCancelledAndAFlatPosition()
    {
        var ada = InstrumentSymbol.Parse("ADAUSDT");
        using var probe = new CounterProbe();
        await using var client = NewClient(new CapturedLogs(), probe);
        await client.StartAsync(Cancellation);
        var rest = new BybitPrivateClient(simulator.Http, SimAccount, TimeProvider.System);

        await rest.PlaceOrderAsync(new OrderPlacement(ada, OrderSide.Buy, IsMarket: false, 1000m, "ws-rest-1", LimitPrice: 0.0100m, TimeInForce: "PostOnly"), Cancellation);
        var resting = await WaitForPrivateAsync<OrderUpdate>(client.Events, update => update.OrderLinkId == "ws-rest-1" && update.Status == OrderStatus.New);
        await rest.CancelOrderAsync(ada, "ws-rest-1", Cancellation);
        var cancelled = await WaitForPrivateAsync<OrderUpdate>(client.Events, update => update.OrderLinkId == "ws-rest-1" && update.Status == OrderStatus.Cancelled);
        var position = await WaitForPrivateAsync<PositionUpdate>(client.Events, update => update.Symbol == ada);

        Assert.Equal((0.0100m, 1000m, 0m), (resting.Price, resting.LeavesQuantity, resting.FilledQuantity));
        Assert.Equal((resting.OrderId, 0m), (cancelled.OrderId, cancelled.LeavesQuantity));
        Assert.Equal(((PositionDirection?)null, 0m), (position.Direction, position.Size));
        Assert.Equal(0, probe.Sum("bybit.ws.bad_payloads"));
    }

    [Fact]
    public async Task Logs_ClientAndSimulator_NeverContainTheKeySecretOrASignature()
    {
        var logs = new CapturedLogs();
        using var probe = new CounterProbe();
        await using (var good = NewClient(logs, probe))
        {
            await good.StartAsync(Cancellation);
            var rest = new BybitPrivateClient(simulator.Http, SimAccount, TimeProvider.System);
            await rest.PlaceOrderAsync(new OrderPlacement(InstrumentSymbol.Parse("ETHUSDT"), OrderSide.Sell, IsMarket: true, 0.10m, "ws-logs-1"), Cancellation);
            await WaitForPrivateAsync<ExecutionUpdate>(good.Events);
        }

        await using (var bad = NewClient(logs, probe, new BybitCredentials(ApiKey, "not-the-secret")))
        {
            await Assert.ThrowsAsync<BybitStreamAuthenticationException>(() => bad.StartAsync(Cancellation));
        }

        var everything = logs.AllText + "\n" + simulator.SimulatorLogs.AllText;
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 3007);
        Assert.Contains(simulator.SimulatorLogs.Entries, entry => entry.EventId.Id == 4004);
        Assert.DoesNotContain(ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotMatch(HexSignature(), everything);
    }

    /// <summary>An HMAC-SHA256 in hex: 64 hex digits in a row.</summary>
    [GeneratedRegex("[0-9a-fA-F]{64}")]
    private static partial Regex HexSignature();
}
