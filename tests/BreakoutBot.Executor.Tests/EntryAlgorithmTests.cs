using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Trading;

namespace BreakoutBot.Executor.Tests;

/// <summary>The entry algorithm's decisions on their own: a plan, entry orders and a time — no venue, no database.</summary>
public sealed class EntryAlgorithmTests
{
    private const string Position = "p0123456789abcdef01234567";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Instrument Eth = new(InstrumentSymbol.Parse("ETHUSDT"), "ETH", "USDT", ContractStatus.Trading,
        tickSize: 0.01m, minPrice: 0.01m, maxPrice: 100_000m, qtyStep: 0.01m, minOrderQty: 0.01m, maxOrderQty: 1_000m, maxMarketOrderQty: 500m, minNotionalValue: 5m, maxLeverage: 100m);

    /// <summary>Three slices 10 s apart, passive window 4 s, deadline 30 s (completions until 34 s).</summary>
    private static readonly EntryProgress ThreeSlices = new([1m, 1m, 1m], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), PassiveAllowed: true, Start);

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(9, 1, null)]
    [InlineData(10, 1, 2)]
    [InlineData(25, 2, 3)]
    [InlineData(30, 2, null)]
    [InlineData(40, 3, null)]
    public void NextSliceDue_StartsEachSliceOnScheduleAndNoneAfterTheDeadline(int seconds, int started, int? expected)
    {
        var entries = Enumerable.Range(1, started).Select(slice => Order(TradingIds.EntrySlice(Position, slice), OrderStyle.Market, OrderRecordStatus.Filled, 1m, 1m)).ToList();

        Assert.Equal(expected, EntryAlgorithm.NextSliceDue(ThreeSlices, entries, Start.AddSeconds(seconds), sending: true));
    }

    [Fact]
    public void NextSliceDue_NotSending_Null()
    {
        Assert.Null(EntryAlgorithm.NextSliceDue(ThreeSlices, [], Start.AddSeconds(1), sending: false));
    }

    [Fact]
    public void PassivesToCancel_WorkingPassiveAfterItsWindow_OrAllWhenNotSending()
    {
        var young = Order(TradingIds.EntrySlice(Position, 2), OrderStyle.Limit, OrderRecordStatus.New, 1m, 0m, created: Start.AddSeconds(10));
        var old = Order(TradingIds.EntrySlice(Position, 1), OrderStyle.Limit, OrderRecordStatus.PartiallyFilled, 1m, 0.4m, created: Start);
        var done = Order(TradingIds.EntrySlice(Position, 3), OrderStyle.Limit, OrderRecordStatus.Filled, 1m, 1m, created: Start);
        List<OrderRecord> entries = [young, old, done];

        Assert.Equal([old], EntryAlgorithm.PassivesToCancel(ThreeSlices, entries, Start.AddSeconds(12), sending: true));
        Assert.Equal([young, old], EntryAlgorithm.PassivesToCancel(ThreeSlices, entries, Start.AddSeconds(12), sending: false));
        Assert.Equal([young, old], EntryAlgorithm.PassivesToCancel(ThreeSlices, entries, Start.AddSeconds(30), sending: true));
    }

    [Fact]
    public void CompletionsDue_CutPassiveSliceIsCompletedOnceAtMarket_UntilTheCompletionLimit()
    {
        var cut = Order(TradingIds.EntrySlice(Position, 1), OrderStyle.Limit, OrderRecordStatus.Cancelled, 1m, 0.4m, price: 100m);
        List<OrderRecord> entries = [cut];

        Assert.Equal([(1, 0.6m)], EntryAlgorithm.CompletionsDue(ThreeSlices, entries, Eth, Start.AddSeconds(5), sending: true));
        Assert.Empty(EntryAlgorithm.CompletionsDue(ThreeSlices, entries, Eth, Start.AddSeconds(34), sending: true));
        Assert.Empty(EntryAlgorithm.CompletionsDue(ThreeSlices, entries, Eth, Start.AddSeconds(5), sending: false));

        entries.Add(Order(TradingIds.EntryFallback(Position, 1), OrderStyle.Market, OrderRecordStatus.Filled, 0.6m, 0.6m));
        Assert.Empty(EntryAlgorithm.CompletionsDue(ThreeSlices, entries, Eth, Start.AddSeconds(5), sending: true));
    }

    [Fact]
    public void CompletionsDue_RestBelowTheVenuesMinimum_NothingToComplete()
    {
        // 0.04 left at 100 is 4 USDT, under the 5 USDT minimum notional: it cannot be sent.
        var cut = Order(TradingIds.EntrySlice(Position, 1), OrderStyle.Limit, OrderRecordStatus.Cancelled, 1m, 0.96m, price: 100m);

        Assert.Empty(EntryAlgorithm.CompletionsDue(ThreeSlices, [cut], Eth, Start.AddSeconds(5), sending: true));
    }

    [Fact]
    public void IsComplete_OnlyWhenNoSliceWillStart_NoCompletionIsDue_AndEveryEntryOrderIsFinal()
    {
        var slices = Enumerable.Range(1, 3).Select(slice => Order(TradingIds.EntrySlice(Position, slice), OrderStyle.Market, OrderRecordStatus.Filled, 1m, 1m)).ToList();
        Assert.True(EntryAlgorithm.IsComplete(ThreeSlices, slices, Eth, Start.AddSeconds(21), acceptsEntries: true));

        Assert.False(EntryAlgorithm.IsComplete(ThreeSlices, slices[..2], Eth, Start.AddSeconds(21), acceptsEntries: true));
        Assert.True(EntryAlgorithm.IsComplete(ThreeSlices, slices[..2], Eth, Start.AddSeconds(30), acceptsEntries: true));
        Assert.True(EntryAlgorithm.IsComplete(ThreeSlices, slices[..2], Eth, Start.AddSeconds(21), acceptsEntries: false));
        Assert.True(EntryAlgorithm.IsComplete(ThreeSlices with { StoppedReason = "the stop was hit during the entry" }, slices[..2], Eth, Start.AddSeconds(21), acceptsEntries: true));

        var working = slices.Append(Order(TradingIds.EntryFallback(Position, 2), OrderStyle.Market, OrderRecordStatus.New, 1m, 0m)).ToList();
        Assert.False(EntryAlgorithm.IsComplete(ThreeSlices, working, Eth, Start.AddSeconds(40), acceptsEntries: true));

        var cut = Order(TradingIds.EntrySlice(Position, 3), OrderStyle.Limit, OrderRecordStatus.Cancelled, 1m, 0.5m, price: 100m);
        Assert.False(EntryAlgorithm.IsComplete(ThreeSlices, [.. slices[..2], cut], Eth, Start.AddSeconds(31), acceptsEntries: true));
        Assert.True(EntryAlgorithm.IsComplete(ThreeSlices, [.. slices[..2], cut], Eth, Start.AddSeconds(34), acceptsEntries: true));
    }

    [Fact]
    public void RefusalStop_AMarketEntryRefused_NamesTheOrderAndTheReason_APassiveRefusalDoesNot()
    {
        var refusedLimit = Order(TradingIds.EntrySlice(Position, 1), OrderStyle.Limit, OrderRecordStatus.Rejected, 1m, 0m);
        Assert.Null(EntryAlgorithm.RefusalStop([refusedLimit]));

        var refusedMarket = Order(TradingIds.EntrySlice(Position, 2), OrderStyle.Market, OrderRecordStatus.Rejected, 1m, 0m);
        refusedMarket.RejectReason = "110007: ab not enough for new order";

        Assert.Equal($"the venue refused entry order {refusedMarket.OrderId}: 110007: ab not enough for new order", EntryAlgorithm.RefusalStop([refusedLimit, refusedMarket]));
    }

    private static OrderRecord Order(string orderId, OrderStyle type, OrderRecordStatus status, decimal quantity, decimal filled, DateTimeOffset? created = null, decimal? price = null) => new()
    {
        OrderId = orderId,
        PositionId = Position,
        Symbol = "ETHUSDT",
        Side = OrderSide.Buy,
        Purpose = OrderPurpose.Entry,
        OrderType = type,
        Price = price,
        Quantity = quantity,
        FilledQuantity = filled,
        Status = status,
        CreatedAt = created ?? Start,
        UpdatedAt = created ?? Start,
    };
}
