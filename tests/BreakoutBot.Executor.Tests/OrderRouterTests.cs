using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>The order router against a scripted venue: every answer a venue can give, one at a time.</summary>
public sealed class OrderRouterTests(LocalPostgresServer postgres)
{
    private static readonly InstrumentSymbol Symbol = InstrumentSymbol.Parse("ETHUSDT");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Place_RecordsThePendingOrderAndCommitsBeforeTheVenueSeesIt()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        OrderRecordStatus? statusAtArrival = null;
        bench.Venue.OnArrival = async placement =>
        {
            await using var reader = bench.NewContext();
            statusAtArrival = (await reader.Orders.AsNoTracking().SingleOrDefaultAsync(order => order.OrderId == placement.OrderLinkId, Cancellation))?.Status;
        };

        var step = await bench.Router.PlaceAsync(bench.Database, null, Entry("p1-e1"), OrderPurpose.Entry, "c1", Cancellation);

        Assert.Equal(OrderRecordStatus.Pending, statusAtArrival);
        Assert.NotNull(step);
        Assert.Equal(OrderRecordStatus.New, step.Value.Order.Status);
        Assert.Equal("v1", step.Value.Order.VenueOrderId);
        Assert.NotNull(step.Value.Order.PlacedAt);
        Assert.Null(step.Value.Fill);
    }

    [Fact]
    public async Task Place_Refused_BookedRejectedWithTheVenuesReason_AndAnEvent()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        bench.Venue.Answer(PlacementAnswer.Refuse);

        var step = await bench.Router.PlaceAsync(bench.Database, null, Entry("p2-e1"), OrderPurpose.Entry, "c2", Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);

        Assert.Equal(OrderRecordStatus.Rejected, step!.Value.Order.Status);
        Assert.StartsWith("110007", step.Value.Order.RejectReason, StringComparison.Ordinal);
        Assert.False(bench.Venue.Holds("p2-e1"));
        var events = await bench.Database.Outbox.AsNoTracking().Select(message => message.EnvelopeJson).ToListAsync(Cancellation);
        Assert.Contains(events, json => json.Contains("p2-e1", StringComparison.Ordinal) && json.Contains("Rejected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Suspended")]
    [InlineData("filled")]
    [InlineData("Pending")]
    [InlineData("")]
    [InlineData("4")]
    public async Task Apply_AStatusWeDoNotKnow_IsNotBooked_ButItsFillsAre(string venueStatus)
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var step = await bench.Router.PlaceAsync(bench.Database, null, Entry("p3-e1", 2m), OrderPurpose.Entry, "c3", Cancellation);
        var order = step!.Value.Order;
        Assert.Equal(OrderRecordStatus.New, order.Status);

        var strange = new VenueOrder("v1", "p3-e1", venueStatus, 2m, 0.5m, 100m, 0.03m);
        var fill = await bench.Router.ApplyAsync(bench.Database, order, strange, "c3", Cancellation);

        Assert.Equal(OrderRecordStatus.New, order.Status);
        Assert.Equal((0.5m, 100m), (fill!.Quantity, fill.Price));
        Assert.Equal(0.5m, order.FilledQuantity);

        var filled = await bench.Router.ApplyAsync(bench.Database, order, strange with { Status = "Filled", FilledQuantity = 2m }, "c3", Cancellation);
        Assert.Equal(OrderRecordStatus.Filled, order.Status);
        Assert.Equal(1.5m, filled!.Quantity);
    }

    [Theory]
    [InlineData(PlacementAnswer.LoseAnswerAfterPlacing)]
    [InlineData(PlacementAnswer.ServerErrorAfterPlacing)]
    [InlineData(PlacementAnswer.LoseRequest)]
    public async Task Place_OutcomeUnknown_StaysPending_NeverRejected(PlacementAnswer answer)
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        bench.Venue.Answer(answer);

        var step = await bench.Router.PlaceAsync(bench.Database, null, Stop("p3-s1"), OrderPurpose.StopLoss, "c3", Cancellation);

        Assert.Equal(OrderRecordStatus.Pending, step!.Value.Order.Status);
        Assert.Null(step.Value.Order.RejectReason);
    }

    [Fact]
    public async Task Place_Again_AfterALostAnswer_DuplicateIsLookedUp_StaysPendingWhileHidden_ThenTakesTheVenuesState()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        bench.Venue.HiddenReads = 1;
        bench.Venue.Answer(PlacementAnswer.LoseAnswerAfterPlacing);
        await bench.Router.PlaceAsync(bench.Database, null, Stop("p4-s1"), OrderPurpose.StopLoss, "c4", Cancellation);

        var hidden = await bench.Router.PlaceAsync(bench.Database, null, Stop("p4-s1"), OrderPurpose.StopLoss, "c4", Cancellation);
        Assert.Equal(OrderRecordStatus.Pending, hidden!.Value.Order.Status);

        var shown = await bench.Router.PlaceAsync(bench.Database, null, Stop("p4-s1"), OrderPurpose.StopLoss, "c4", Cancellation);
        Assert.Equal(OrderRecordStatus.New, shown!.Value.Order.Status);
        Assert.Single(bench.Venue.OrderLinkIds);
    }

    [Fact]
    public async Task Place_WithoutTheLease_RecordsAndSendsNothing()
    {
        await using var bench = await RouterBench.StartAsync(postgres, holdLease: false);

        var step = await bench.Router.PlaceAsync(bench.Database, null, Entry("p5-e1"), OrderPurpose.Entry, "c5", Cancellation);

        Assert.Null(step);
        Assert.Empty(bench.Venue.Received);
        Assert.False(await bench.Database.Orders.AnyAsync(Cancellation));
    }

    [Fact]
    public async Task Apply_SameReportTwice_BooksOneFill_ALaterReportBooksOnlyTheIncrementAtItsOwnPrice()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var order = (await bench.Router.PlaceAsync(bench.Database, null, Entry("p6-e1", quantity: 2m), OrderPurpose.Entry, "c6", Cancellation))!.Value.Order;
        bench.Venue.Fill("p6-e1", 1m, 100m, 0.055m);

        var first = await bench.Router.ApplyAsync(bench.Database, order, bench.Venue.Truth("p6-e1")!, "c6", Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);
        var repeated = await bench.Router.ApplyAsync(bench.Database, order, bench.Venue.Truth("p6-e1")!, "c6", Cancellation);
        bench.Venue.Fill("p6-e1", 1m, 102m, 0.0561m);
        var second = await bench.Router.ApplyAsync(bench.Database, order, bench.Venue.Truth("p6-e1")!, "c6", Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);

        Assert.Equal(new OrderFill(first!.FillId, 100m, 1m, 0.055m, first.ExecutedAt), first);
        Assert.Null(repeated);
        Assert.Equal(102m, second!.Price);
        Assert.Equal(1m, second.Quantity);
        Assert.Equal(0.0561m, second.Fee);
        Assert.Equal(OrderRecordStatus.Filled, order.Status);
        Assert.Equal(2, await bench.Database.Fills.CountAsync(fill => fill.OrderId == "p6-e1", Cancellation));
    }

    [Fact]
    public async Task Cancel_UnknownOrder_StaysPendingUntilTheLostOrderTimeout_ThenEndsAsNeverShown()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        bench.Venue.Answer(PlacementAnswer.LoseRequest);
        var order = (await bench.Router.PlaceAsync(bench.Database, null, Entry("p7-e1"), OrderPurpose.Entry, "c7", Cancellation))!.Value.Order;

        await bench.Router.CancelAsync(bench.Database, order, "c7", Cancellation);
        Assert.Equal(OrderRecordStatus.Pending, order.Status);

        bench.Clock.Advance(RouterBench.LostOrderTimeout + TimeSpan.FromSeconds(1));
        await bench.Router.CancelAsync(bench.Database, order, "c7", Cancellation);

        Assert.Equal(OrderRecordStatus.Cancelled, order.Status);
        Assert.Contains("never shown", order.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_OrderThatFilledFirst_BooksTheFillNotACancel()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var order = (await bench.Router.PlaceAsync(bench.Database, null, Entry("p8-e1"), OrderPurpose.Entry, "c8", Cancellation))!.Value.Order;
        bench.Venue.Fill("p8-e1", 1m, 100m, 0.05m);

        var fill = await bench.Router.CancelAsync(bench.Database, order, "c8", Cancellation);

        Assert.Equal(OrderRecordStatus.Filled, order.Status);
        Assert.Equal(1m, fill!.Quantity);
    }

    [Theory]
    [InlineData(OrderPurpose.Entry, false, 20, UnshownOrderAction.Cancel)]
    [InlineData(OrderPurpose.StopLoss, false, 20, UnshownOrderAction.SendAgain)]
    [InlineData(OrderPurpose.TakeProfit, false, 20, UnshownOrderAction.SendAgain)]
    [InlineData(OrderPurpose.Exit, false, 20, UnshownOrderAction.SendAgain)]
    [InlineData(OrderPurpose.Entry, false, 10, UnshownOrderAction.Wait)]
    [InlineData(OrderPurpose.StopLoss, false, 10, UnshownOrderAction.Wait)]
    [InlineData(OrderPurpose.StopLoss, true, 20, UnshownOrderAction.EndAsUnseen)]
    [InlineData(OrderPurpose.Entry, true, 20, UnshownOrderAction.EndAsUnseen)]
    public async Task DecideUnshown_PendingOrder(OrderPurpose purpose, bool cancelRequested, int secondsSinceSent, UnshownOrderAction expected)
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var sent = bench.Clock.GetUtcNow();
        var order = Record("p9", purpose, sent);
        order.CancelRequestedAt = cancelRequested ? sent : null;
        bench.Clock.Advance(TimeSpan.FromSeconds(secondsSinceSent));

        Assert.Equal(expected, bench.Router.DecideUnshown(order));
    }

    [Theory]
    [InlineData(OrderRecordStatus.New)]
    [InlineData(OrderRecordStatus.Filled)]
    [InlineData(OrderRecordStatus.Rejected)]
    public async Task DecideUnshown_AnsweredOrder_Waits(OrderRecordStatus status)
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var order = Record("p10", OrderPurpose.StopLoss, bench.Clock.GetUtcNow());
        order.Status = status;
        bench.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(UnshownOrderAction.Wait, bench.Router.DecideUnshown(order));
    }

    internal static OrderPlacement Entry(string linkId, decimal quantity = 1m) => new(Symbol, OrderSide.Buy, IsMarket: true, quantity, linkId);

    internal static OrderPlacement Stop(string linkId, decimal quantity = 1m) =>
        new(Symbol, OrderSide.Sell, IsMarket: true, quantity, linkId, ReduceOnly: true, TriggerPrice: 95m, TriggerDirection: Domain.Matching.TriggerDirection.FallsTo);

    private static OrderRecord Record(string linkId, OrderPurpose purpose, DateTimeOffset at) => new()
    {
        OrderId = linkId,
        Symbol = Symbol.Value,
        Side = OrderSide.Buy,
        Purpose = purpose,
        OrderType = OrderStyle.Market,
        Quantity = 1m,
        Status = OrderRecordStatus.Pending,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
