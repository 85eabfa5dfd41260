using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>Entries as the preset's execution config says: TWAP slices, post-only slices completed at market, the deadman.</summary>
public sealed class ExecutorEntryExecutionTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task TwapEntry_SlicesSentOnScheduleAddUpToTheSizedQuantity_ThenProtected()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await StoreThreeMarketSlicesAsync(stack, interval: 1m, deadmanMs: 6000);
        using var measurements = new MeasurementRecorder(executor.Meter);
        using var spans = new SpanRecorder(executor.ActivitySource);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        await using var database = stack.Database();
        var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        var entries = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Entry).OrderBy(order => order.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([TradingIds.EntrySlice(positionId, 1), TradingIds.EntrySlice(positionId, 2), TradingIds.EntrySlice(positionId, 3)], entries.Select(order => order.OrderId));
        Assert.All(entries, order => Assert.Equal((OrderStyle.Market, OrderRecordStatus.Filled), (order.OrderType, order.Status)));
        Assert.Equal(position.OriginalQuantity, entries.Sum(order => order.FilledQuantity));
        Assert.Equal(position.OpenQuantity, stack.Exchange.ReadAccount(ledger => ledger.PositionOf(InstrumentSymbol.Parse("BTCUSDT"))!.Quantity));

        // However the price moved between slices, a stop-out loses no more than the budget the entry was sized to.
        var budget = EntryProgress.Of(position.EntryPlan, position.OriginalQuantity, position.OpenedAt, TimeSpan.FromSeconds(15)).Budget(position.InitialStop);
        Assert.NotNull(budget);
        Assert.True(position.OpenQuantity * budget.RiskPerUnit(position.EntryPrice) <= budget.Budget, $"entry risk within {budget.Budget}");

        // Slice k starts k intervals after the first; the executor's poll can only make it later, never earlier.
        for (var slice = 1; slice < entries.Count; slice++)
        {
            Assert.True(entries[slice].CreatedAt - entries[0].CreatedAt >= TimeSpan.FromSeconds(slice), $"slice {slice + 1} started too early");
        }

        // The first fill is protected before the next slice goes out; the stop grows with each slice and ends as one
        // working stop for the whole quantity.
        var stops = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop)
            .OrderBy(order => order.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(stops[0].CreatedAt < entries[1].CreatedAt, "the first slice was protected before the second was sent");
        Assert.Equal(entries[0].FilledQuantity, stops[0].Quantity);
        var working = Assert.Single(stops, order => order.Status is OrderRecordStatus.New or OrderRecordStatus.Untriggered);
        Assert.Equal(position.OpenQuantity, working.Quantity);
        Assert.Equal(position.InitialStop, working.TriggerPrice);
        Assert.Single(stack.Exchange.Orders(InstrumentSymbol.Parse("BTCUSDT"), null), order => order.Request.Trigger is not null && order.Request.ReduceOnly);

        // The order telemetry: three entry slices accepted, each acknowledged, one signal-to-order and one slippage.
        Assert.Equal(3, measurements.Values("breakoutbot.executor.orders", "purpose", "Entry").Count);
        Assert.Equal(3, measurements.Values("breakoutbot.executor.order_to_ack", "purpose", "Entry").Count);
        Assert.Single(measurements.Values("breakoutbot.executor.signal_to_order"));
        var slippage = Assert.Single(measurements.Values("breakoutbot.executor.entry_slippage"));
        var sized = position.EntryPlan!.SizedPrice!.Value;
        Assert.Equal((double)((position.EntryPrice - sized) / sized * 10_000m), slippage, 6);

        // Every order of the position, the later slices and the protection sent in management rounds included, is in
        // the trace of the signal that opened it.
        var signalTrace = Assert.Single(spans.Spans, span => span.OperationName == "signal.process").TraceId;
        var orderSpans = spans.Spans.Where(span => span.OperationName == "order.place"
            && span.GetTagItem("breakoutbot.order.link_id") is string linkId && linkId.StartsWith(positionId, StringComparison.Ordinal)).ToList();
        Assert.True(orderSpans.Count >= 5, $"{orderSpans.Count} order spans: three slices, a stop and the take-profits expected");
        Assert.All(orderSpans, span => Assert.Equal(signalTrace, span.TraceId));
    }

    [Fact]
    public async Task PassiveEntry_UnfilledWhenItsWindowEnds_IsCancelledAndCompletedAtMarket()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(
            ("execution_config.enable_twap", false),
            ("execution_config.enable_iceberg", true),
            ("execution_config.limit_offset_bps", 100m),
            ("execution_config.spread_widen_bps", 1000m),
            ("execution_config.deadman_timeout_ms", 1500));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var signal = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        await using var database = stack.Database();
        var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        var passive = await database.Orders.AsNoTracking().SingleAsync(order => order.OrderId == TradingIds.EntrySlice(positionId, 1), TestContext.Current.CancellationToken);
        Assert.Equal(OrderStyle.Limit, passive.OrderType);
        Assert.True(passive.Price < signal.Entry * 0.995m, "the post-only price rests 100 bps behind the bid");
        Assert.Contains(passive.Status, (OrderRecordStatus[])[OrderRecordStatus.Cancelled, OrderRecordStatus.PartiallyFilledCanceled]);
        Assert.True(ClientOrderId.TryParse(passive.OrderId, out var passiveId));
        Assert.Equal(TimeInForce.PostOnly, Assert.Single(stack.Exchange.Orders(InstrumentSymbol.Parse("ETHUSDT"), passiveId)).Request.TimeInForce);

        var completion = await database.Orders.AsNoTracking().SingleAsync(order => order.OrderId == TradingIds.EntryFallback(positionId, 1), TestContext.Current.CancellationToken);
        Assert.Equal((OrderStyle.Market, OrderRecordStatus.Filled), (completion.OrderType, completion.Status));
        Assert.Equal(position.OpenQuantity, passive.FilledQuantity + completion.FilledQuantity);

        // The completion takes the rest of the slice, cut only as far as the price it met leaves room in the risk budget.
        var budget = EntryProgress.Of(position.EntryPlan, position.OriginalQuantity, position.OpenedAt, TimeSpan.FromSeconds(15)).Budget(position.InitialStop)!;
        Assert.True(completion.Quantity <= passive.Quantity - passive.FilledQuantity);
        Assert.True(position.OpenQuantity * budget.RiskPerUnit(position.EntryPrice) <= budget.Budget, $"entry risk within {budget.Budget}");
        Assert.True(completion.Quantity == passive.Quantity - passive.FilledQuantity
            || (position.OpenQuantity + 0.02m) * budget.RiskPerUnit(position.EntryPrice) > budget.Budget, "cut no more than the budget needs");
        Assert.True(completion.CreatedAt - passive.CreatedAt >= TimeSpan.FromMilliseconds(1500), "the passive slice had its whole window");
        Assert.True(await database.Orders.AnyAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StopDuringATwapEntry_NoFurtherSlice_WhatFilledIsProtected()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await StoreThreeMarketSlicesAsync(stack, interval: 4m, deadmanMs: 15000);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var signal = await stack.LongSignalAsync("SOLUSDT", 0.01m);
        var positionId = await EnterUntilTheFirstSliceFilledAsync(stack, signal);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Stop)).Accepted);

        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        await using (var database = stack.Database())
        {
            var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
            var entries = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Entry).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([TradingIds.EntrySlice(positionId, 1)], entries.Select(order => order.OrderId));
            Assert.Equal(entries[0].FilledQuantity, position.OpenQuantity);
            Assert.Equal(position.OpenQuantity, stack.Exchange.ReadAccount(ledger => ledger.PositionOf(InstrumentSymbol.Parse("SOLUSDT"))!.Quantity));
            var stop = await database.Orders.AsNoTracking().SingleAsync(
                order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop && (order.Status == OrderRecordStatus.New || order.Status == OrderRecordStatus.Untriggered), TestContext.Current.CancellationToken);
            Assert.Equal(position.OpenQuantity, stop.Quantity);
        }

        // Well past the second and third slices' start times: still nothing more was sent.
        await Task.Delay(TimeSpan.FromSeconds(9), TestContext.Current.CancellationToken);
        await using (var database = stack.Database())
        {
            Assert.Equal(1, await database.Orders.CountAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Entry, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task CloseDuringATwapEntry_PartialRefused_FullStopsTheEntryAndExitsWhatFilled()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await StoreThreeMarketSlicesAsync(stack, interval: 4m, deadmanMs: 15000);
        var walletBefore = stack.WalletBalance;
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var signal = await stack.LongSignalAsync("SOLUSDT", 0.01m);
        var positionId = await EnterUntilTheFirstSliceFilledAsync(stack, signal);

        var partial = await stack.SendCommandAsync(EngineCommandKind.ClosePosition, positionId, percent: 50m);
        Assert.False(partial.Accepted);
        Assert.Contains("still entering", partial.Reason, StringComparison.Ordinal);

        var close = new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.ClosePosition, DateTimeOffset.UtcNow, "tester", PositionId: positionId, Percent: 100m);
        Assert.True((await stack.SendCommandAsync(close)).Accepted);
        var second = await stack.SendCommandAsync(close with { CommandId = Guid.NewGuid().ToString("N") });
        Assert.True(second.Accepted || second.Reason!.Contains("already clos", StringComparison.Ordinal), second.Reason);

        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Positions.AnyAsync(row => row.PositionId == positionId && row.Status == PositionRecordStatus.Closed);
        }, "the position closed", TimeSpan.FromSeconds(30));

        await using var closed = stack.Database();
        var position = await closed.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        var entries = await closed.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Entry).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([TradingIds.EntrySlice(positionId, 1)], entries.Select(order => order.OrderId));
        var exit = await closed.Orders.AsNoTracking().SingleAsync(order => order.OrderId == TradingIds.CommandExit(positionId, close.CommandId), TestContext.Current.CancellationToken);
        Assert.Equal((OrderRecordStatus.Filled, entries[0].FilledQuantity), (exit.Status, exit.FilledQuantity));
        Assert.Equal(1, await closed.Orders.CountAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Exit, TestContext.Current.CancellationToken));
        Assert.Equal("Manual", position.ExitReason);
        Assert.Equal(0, stack.VenueOpenPositions);

        // It was protected while it existed: the stop went on before the exit and is gone with the position.
        Assert.True(await closed.Orders.AnyAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop && order.CreatedAt <= exit.CreatedAt,
            TestContext.Current.CancellationToken));
        Assert.DoesNotContain(stack.Exchange.Orders(InstrumentSymbol.Parse("SOLUSDT"), null), order => order.IsOpen);
        // No take-profit ladder placed only to be cancelled: the position was to exit once entered.
        Assert.False(await closed.Orders.AnyAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.TakeProfit, TestContext.Current.CancellationToken));
        await stack.AssertBooksEqualWalletAsync(walletBefore);

        var again = await stack.SendCommandAsync(EngineCommandKind.ClosePosition, positionId);
        Assert.False(again.Accepted);
        Assert.Contains("already closed", again.Reason, StringComparison.Ordinal);
    }

    /// <summary>Publishes <paramref name="signal"/> and waits until its entry's first slice filled; answers the position id.</summary>
    private static async Task<string> EnterUntilTheFirstSliceFilledAsync(TradingStack stack, SignalDetected signal)
    {
        await stack.PublishSignalAsync(signal);
        var positionId = TradingIds.PositionFor(signal.SignalId);
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Orders.AnyAsync(order => order.OrderId == TradingIds.EntrySlice(positionId, 1) && order.Status == OrderRecordStatus.Filled);
        }, "the first slice's fill");
        return positionId;
    }

    /// <summary>A preset variant whose entries are three market slices, <paramref name="interval"/> seconds apart.</summary>
    internal static Task StoreThreeMarketSlicesAsync(TradingStack stack, decimal interval, int deadmanMs) =>
        stack.StorePresetAsync(
            ("execution_config.enable_twap", true),
            ("execution_config.enable_iceberg", false),
            ("execution_config.iceberg_min_notional", 1m),
            ("execution_config.max_depth_fraction", 1m),
            ("execution_config.twap_min_slices", 3),
            ("execution_config.twap_max_slices", 3),
            ("execution_config.twap_interval_seconds", interval),
            ("execution_config.deadman_timeout_ms", deadmanMs));
}
