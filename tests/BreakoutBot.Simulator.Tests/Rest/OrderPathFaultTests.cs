using System.Net;
using System.Net.Http.Json;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Faults;

namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>
/// The order-path faults of <c>/sim/faults</c> that the executor's failure handling is proven against: refusals by kind,
/// venue cancels after acceptance, thin books, and orders that exist before the venue shows them.
/// </summary>
public sealed class OrderPathFaultTests(VenueSimulator venue) : IClassFixture<VenueSimulator>, IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await venue.ClearFaultsAsync();

    [Fact]
    public async Task RefuseOrders_NextStopsWith110007_OnlyStopsAreRefusedAndOnlyTwice()
    {
        var client = venue.PrivateClient();
        var ada = InstrumentSymbol.Parse("ADAUSDT");
        await venue.SetFaultsAsync(new FaultSettings { RefuseOrders = [new OrderRefusalFault { Kind = OrderKind.Stop, Count = 2, RetCode = 110007, Message = "ab not enough for new order" }] });

        await client.PlaceOrderOnceAsync(new OrderPlacement(ada, OrderSide.Buy, IsMarket: true, 100m, "fault-entry-1"), Cancellation);
        var refusals = new List<int>();
        for (var i = 1; i <= 2; i++)
        {
            var refusal = await Assert.ThrowsAsync<BybitApiException>(() => client.PlaceOrderOnceAsync(Stop(ada, $"fault-stop-{i}"), Cancellation));
            refusals.Add(refusal.RetCode);
            Assert.Null(await client.GetOrderAsync(ada, $"fault-stop-{i}", Cancellation));
        }

        var third = await client.PlaceOrderOnceAsync(Stop(ada, "fault-stop-3"), Cancellation);

        Assert.Equal([110007, 110007], refusals);
        Assert.Equal("Untriggered", third.Status);
        Assert.Equal(2, venue.FaultCounters.OrdersRefused);
        await client.PlaceOrderOnceAsync(new OrderPlacement(ada, OrderSide.Sell, IsMarket: true, 100m, "fault-exit-1", ReduceOnly: true), Cancellation);
    }

    [Fact]
    public async Task CancelAfterAccept_NextStop_AcceptedThenCancelledByTheVenue()
    {
        var client = venue.PrivateClient();
        var dot = InstrumentSymbol.Parse("DOTUSDT");
        await client.PlaceOrderOnceAsync(new OrderPlacement(dot, OrderSide.Buy, IsMarket: true, 10m, "fault-cancel-entry"), Cancellation);
        await venue.SetFaultsAsync(new FaultSettings { CancelAfterAcceptNext = 1, CancelAfterAcceptKind = OrderKind.Stop });

        var orderId = await client.PlaceOrderAsync(Stop(dot, "fault-cancel-stop"), Cancellation);
        var order = await client.GetOrderAsync(dot, "fault-cancel-stop", Cancellation);

        Assert.False(string.IsNullOrEmpty(orderId));
        Assert.NotNull(order);
        Assert.Equal("Deactivated", order.Status);
        Assert.Empty(await client.GetOpenOrdersAsync(dot, Cancellation));
        await client.PlaceOrderOnceAsync(new OrderPlacement(dot, OrderSide.Sell, IsMarket: true, 10m, "fault-cancel-exit", ReduceOnly: true), Cancellation);
    }

    [Fact]
    public async Task PartialFill_NextReduceOnlyExit_FillsOnlyTheShareAndTheRestIsCancelled()
    {
        var client = venue.PrivateClient();
        var link = InstrumentSymbol.Parse("LINKUSDT");
        await client.PlaceOrderOnceAsync(new OrderPlacement(link, OrderSide.Buy, IsMarket: true, 10m, "fault-partial-entry"), Cancellation);
        await venue.SetFaultsAsync(new FaultSettings { PartialFillNext = 1, PartialFillKind = OrderKind.ReduceOnly, PartialFillShare = 0.4 });

        var exit = await client.PlaceOrderOnceAsync(new OrderPlacement(link, OrderSide.Sell, IsMarket: true, 10m, "fault-partial-exit", ReduceOnly: true), Cancellation);
        var position = await client.GetPositionAsync(link, Cancellation);

        Assert.Equal(4m, exit.FilledQuantity);
        Assert.Equal("Cancelled", exit.Status);
        Assert.Equal(6m, position!.Size);
        var rest = await client.PlaceOrderOnceAsync(new OrderPlacement(link, OrderSide.Sell, IsMarket: true, 6m, "fault-partial-exit-2", ReduceOnly: true), Cancellation);
        Assert.Equal(6m, rest.FilledQuantity);
        Assert.Null(await client.GetPositionAsync(link, Cancellation));
    }

    [Fact]
    public async Task HideCreatedOrders_ACreatedOrderIsInvisibleForAWhileThenAppears()
    {
        var client = venue.PrivateClient();
        var ada = InstrumentSymbol.Parse("ADAUSDT");
        await venue.SetFaultsAsync(new FaultSettings { HideCreatedOrdersMs = 1_500 });

        await client.PlaceOrderAsync(new OrderPlacement(ada, OrderSide.Buy, IsMarket: false, 1000m, "fault-hidden-1", LimitPrice: 0.0100m, TimeInForce: "PostOnly"), Cancellation);
        var atOnce = await client.GetOrderAsync(ada, "fault-hidden-1", Cancellation);
        var openAtOnce = await client.GetOpenOrdersAsync(ada, Cancellation);
        await Until.TrueAsync(async () => await client.GetOrderAsync(ada, "fault-hidden-1", Cancellation) is not null, TimeSpan.FromSeconds(10));

        Assert.Null(atOnce);
        Assert.DoesNotContain(openAtOnce, order => order.OrderLinkId == "fault-hidden-1");
        Assert.Equal("New", (await client.GetOrderAsync(ada, "fault-hidden-1", Cancellation))!.Status);
        Assert.Equal(1, venue.FaultCounters.OrdersHidden);
        await client.CancelOrderAsync(ada, "fault-hidden-1", Cancellation);
    }

    [Fact]
    public async Task SetFaults_RefusalWithoutAPositiveCount_IsAValidationProblemNamingTheField()
    {
        using var http = new HttpClient { BaseAddress = venue.BaseAddress };

        using var response = await http.PostAsJsonAsync(new Uri("/sim/faults", UriKind.Relative), new { refuseOrders = new[] { new { kind = "Stop", count = 0 } } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(body.Contains("RefuseOrders[0]", StringComparison.Ordinal), body);
    }

    private static OrderPlacement Stop(InstrumentSymbol symbol, string linkId) =>
        new(symbol, OrderSide.Sell, IsMarket: true, 100m, linkId, ReduceOnly: true, TriggerPrice: 0.0100m, TriggerDirection: TriggerDirection.FallsTo);
}
