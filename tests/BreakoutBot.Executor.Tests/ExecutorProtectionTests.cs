using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// A position is never left without its stop: refused stop moves, refused and partial exits, an interrupted flatten and
/// orders the venue shows late, each against the simulator's fault injection.
/// </summary>
public sealed class ExecutorProtectionTests(LocalPostgresServer postgres)
{
    private static readonly TimeSpan MoveTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] FlattenedSymbols = ["BTCUSDT", "SOLUSDT"];

    private static readonly string[] MoveAttemptSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

    [Fact]
    public async Task StopMoveRefusedByTheVenue_TheWorkingStopStays_AndThePositionKeepsItsStop()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 300);
        await using var executor = await stack.StartExecutorAsync("a");

        // Nothing but the operator moves this stop, and no rule ends the position early.
        await stack.StorePresetAsync(
            ("position_config.breakeven_enabled", false),
            ("position_config.breakeven_buffer_bps", 0m),
            ("position_config.trailing_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        // The market keeps moving between the executor's price check and the placement: a move can find its level
        // passed and exit at market (accepted, as it must be), which leaves nothing to refuse. Such an attempt is not
        // the case under test, so the next attempt opens another position.
        foreach (var symbolName in MoveAttemptSymbols)
        {
            if (await RefusedStopMoveAsync(stack, symbolName) is not { } outcome)
            {
                continue;
            }

            var (positionId, symbol, initialStop, refused) = outcome;
            Assert.False(refused.Accepted);
            Assert.Contains("injected stop refusal", refused.Reason, StringComparison.Ordinal);
            Assert.Equal(1, stack.Faults.Counters.OrdersRefused);
            var stop = Assert.Single(WorkingStops(stack, symbol));
            Assert.Equal(initialStop, stop.Request.Trigger!.Price);
            await using var database = stack.Database();
            var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
            Assert.Equal(initialStop, position.Stop);
            Assert.Equal(StopKind.Initial, position.StopKind);
            Assert.Contains(await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken),
                order => order.OrderType == OrderStyle.Stop && order.Status == OrderRecordStatus.Rejected && order.RejectReason!.Contains("injected stop refusal", StringComparison.Ordinal));
            return;
        }

        Assert.Fail("every breakeven move found its level passed by the market before it could be placed");
    }

    /// <summary>
    /// Opens a long on <paramref name="symbolName"/>, waits for its settled stop and moves it to breakeven against one
    /// injected stop refusal; null when the move was accepted instead (the price passed breakeven in the meantime and the
    /// position exited at market, or the position closed).
    /// </summary>
    private static async Task<(string PositionId, InstrumentSymbol Symbol, decimal InitialStop, CommandAcknowledged Refused)?> RefusedStopMoveAsync(TradingStack stack, string symbolName)
    {
        stack.Faults.Apply(new FaultSettings());
        var signal = await stack.LongSignalAsync(symbolName, 0.04m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var symbol = InstrumentSymbol.Parse(symbolName);
        // Settled: one working stop for exactly what the venue holds (a stop put on during the entry may be resized once
        // the entry is complete, and that placement must not meet the refusal below).
        var initialStop = (await Eventually.WaitAsync(() => Task.FromResult(
            WorkingStops(stack, symbol) is [var only] && only.Quantity == stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0m) ? only.Request.Trigger : null),
            "the first stop, for the whole position")).Price;

        // The operator moves the stop to breakeven as soon as the market allows it; the venue refuses the new stop.
        stack.Faults.Apply(new FaultSettings { RefuseOrders = [new OrderRefusalFault { Kind = OrderKind.Stop, Count = 1, RetCode = 10001, Message = "injected stop refusal" }] });
        var answer = await Eventually.WaitAsync(async () =>
        {
            var ack = await stack.SendCommandAsync(EngineCommandKind.MoveStopToBreakeven, positionId);
            var settled = ack.Accepted
                || ack.Reason?.Contains("refused the new stop", StringComparison.Ordinal) == true
                || ack.Reason?.Contains("is not open", StringComparison.Ordinal) == true;
            return settled ? ack : null;
        }, "a breakeven move the venue refuses", MoveTimeout);
        TestContext.Current.TestOutputHelper?.WriteLine($"{symbolName}: {answer.Reason ?? "accepted"}");
        return answer.Accepted || answer.Reason?.Contains("is not open", StringComparison.Ordinal) == true ? null : (positionId, symbol, initialStop, answer);
    }

    [Fact]
    public async Task ExitRefusedThenPartlyFilled_StopStaysUntilFlat_ExitRepeatedUntilFlat()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var symbol = InstrumentSymbol.Parse("ETHUSDT");
        await Eventually.UntilAsync(() => Task.FromResult(WorkingStops(stack, symbol).Count == 1), "the stop");

        // Every exit is refused for now.
        stack.Faults.Apply(new FaultSettings { RefuseOrders = [new OrderRefusalFault { Kind = OrderKind.ReduceOnly, Count = 1_000, RetCode = 10001, Message = "injected exit refusal" }] });
        var ack = await stack.SendCommandAsync(EngineCommandKind.ClosePosition, positionId);
        Assert.False(ack.Accepted);
        Assert.Contains("goes out again", ack.Reason, StringComparison.Ordinal);

        // The exit goes out again on its own, and meanwhile the position keeps its stop.
        await Eventually.UntilAsync(() => Task.FromResult(stack.Faults.Counters.OrdersRefused >= 3), "three refused exits");
        var venueOrders = stack.Exchange.Orders(symbol, null);
        Assert.True(WorkingStops(stack, symbol).Count == 1, "one working stop; the venue shows " + string.Join(", ", venueOrders.Select(order => $"{order.ClientOrderId} {order.Status}")));
        Assert.Equal(1, stack.VenueOpenPositions);

        // Then the book is too thin for the next one: half fills, and the rest goes out again.
        stack.Faults.Apply(new FaultSettings { PartialFillNext = 1, PartialFillKind = OrderKind.ReduceOnly, PartialFillShare = 0.5 });
        var trade = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == positionId);
        }, "the trade after the repeated exits", MoveTimeout);

        Assert.Equal("Manual", trade.ExitReason);
        Assert.Equal(1, stack.Faults.Counters.PartialFills);
        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.Empty(stack.Exchange.Orders(symbol, null));
        await using var db = stack.Database();
        var exits = await db.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.OrderType == OrderStyle.Market && order.Purpose == OrderPurpose.Exit)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(exits.Count(order => order.Status == OrderRecordStatus.Rejected) >= 3, "at least three refused exits");
        Assert.Contains(exits, order => order.FilledQuantity > 0 && order.FilledQuantity < order.Quantity);
        Assert.Equal(trade.Quantity, exits.Sum(order => order.FilledQuantity));
    }

    [Fact]
    public async Task FlattenInterruptedByARestart_GoesOnAfterTheRestartUntilNothingIsOpen()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var executor = await stack.StartExecutorAsync("a");

        // Only the flatten may close these positions: no rule exit (the market can fail a breakout within seconds).
        await stack.StorePresetAsync(
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        foreach (var symbol in FlattenedSymbols)
        {
            var signal = await stack.LongSignalAsync(symbol, 0.02m);
            await stack.PublishSignalAsync(signal);
            await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        }

        // Every exit is refused: the kill switch's flatten cannot finish before the executor goes down.
        stack.Faults.Apply(new FaultSettings { RefuseOrders = [new OrderRefusalFault { Kind = OrderKind.ReduceOnly, Count = 1_000, RetCode = 10001 }] });
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Kill, flatten: true)).Accepted);
        await Eventually.UntilAsync(() => Task.FromResult(stack.Faults.Counters.OrdersRefused >= 2), "refused flatten exits");
        await executor.StopAsync();
        Assert.Equal(2, stack.VenueOpenPositions);
        Assert.All(FlattenedSymbols, symbol => Assert.Single(WorkingStops(stack, InstrumentSymbol.Parse(symbol))));
        await using (var database = stack.Database())
        {
            Assert.True((await database.RiskStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).FlattenPending);
        }

        stack.Faults.Apply(FaultSettings.None);
        await using var restarted = await stack.StartExecutorAsync("a");
        await Eventually.UntilAsync(() => Task.FromResult(stack.VenueOpenPositions == 0), "the flatten resumed after the restart", MoveTimeout);
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return !(await database.RiskStates.AsNoTracking().SingleAsync()).FlattenPending && await database.Trades.CountAsync() == 2;
        }, "the flatten marked done with both trades written");
        Assert.Equal(EngineState.Emergency, restarted.State);
        Assert.All(FlattenedSymbols, symbol => Assert.Empty(stack.Exchange.Orders(InstrumentSymbol.Parse(symbol), null)));
    }

    [Fact]
    public async Task OrderShownLateAfterALostAck_IsNeverBookedRejected()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true, "Executor:LostOrderTimeout=00:00:08");
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");

        // The entry's first slice is booked by the venue, its answer lost, and the venue shows new orders only 4 s later.
        stack.Faults.Apply(new FaultSettings { LoseOrderAcks = 1, HideCreatedOrdersMs = 4_000 });
        var signal = await stack.LongSignalAsync("BTCUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        Assert.Equal(1, stack.Faults.Counters.AcksLost);
        Assert.True(stack.Faults.Counters.OrdersHidden >= 1);
        var symbol = InstrumentSymbol.Parse("BTCUSDT");
        await using var database = stack.Database();
        var orders = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var rejected in orders.Where(order => order.Status == OrderRecordStatus.Rejected))
        {
            Assert.True(ClientOrderId.TryParse(rejected.OrderId, out var id));
            Assert.Empty(stack.Exchange.Orders(symbol, id));
        }

        var first = Assert.Single(orders, order => order.OrderId.EndsWith("-e1", StringComparison.Ordinal));
        Assert.NotEqual(OrderRecordStatus.Rejected, first.Status);
        await Eventually.UntilAsync(async () =>
        {
            await using var current = stack.Database();
            var ours = await current.Positions.AsNoTracking().Where(row => row.PositionId == positionId).Select(row => row.OpenQuantity).SingleAsync();
            return stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0m) == ours;
        }, "the venue's position equal to ours");
    }

    [Fact]
    public async Task EntryFilledAtTheVenueWithItsAckLost_IsCoveredByTheStopBeforeItsOutcomeIsKnown()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: false, "Executor:LostOrderTimeout=00:00:40");
        await ExecutorEntryExecutionTests.StoreThreeMarketSlicesAsync(stack, interval: 1m, deadmanMs: 6000);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        // The first entry order fills at the venue, its answer is lost, and the venue does not show it for 20 s: the
        // executor cannot book that fill yet, but the venue holds it.
        stack.Faults.Apply(new FaultSettings { LoseOrderAcks = 1, HideCreatedOrdersMs = 20_000 });
        var signal = await stack.LongSignalAsync("BTCUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var symbol = InstrumentSymbol.Parse("BTCUSDT");
        await Eventually.UntilAsync(() => Task.FromResult(stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0m) > 0), "the entry filled at the venue");

        // Within a couple of rounds a reduce-only stop on the venue covers all the venue holds, while the order that
        // filled is still of unknown outcome to the executor.
        await Eventually.UntilAsync(() => Task.FromResult(StopCoverage(stack, symbol) >= stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity)),
            "a venue stop covering the unbooked fill", TimeSpan.FromSeconds(8));
        await using (var database = stack.Database())
        {
            var first = await database.Orders.AsNoTracking().SingleAsync(order => order.SignalId == signal.SignalId && order.OrderId.EndsWith("-e1"), TestContext.Current.CancellationToken);
            Assert.Equal(OrderRecordStatus.Pending, first.Status);
        }

        // Once the venue shows the order, the fill is booked and one stop for exactly the open quantity remains.
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            var open = await database.Positions.AsNoTracking().Where(row => row.PositionId == positionId).Select(row => row.OpenQuantity).SingleAsync();
            var stops = WorkingStops(stack, symbol);
            return stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0m) == open && stops.Count == 1 && stops[0].Quantity == open;
        }, "one stop for exactly the booked quantity");
    }

    [Fact]
    public async Task EntryOfUnknownOutcomeThatNeverFilled_ItsCoveringStopIsCancelled()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: false, "Executor:LostOrderTimeout=00:00:03");
        await ExecutorEntryExecutionTests.StoreThreeMarketSlicesAsync(stack, interval: 1m, deadmanMs: 6000);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        // The first entry order (and the client's one retry) is answered with a server failure that never reached the
        // matching engine (its outcome is unknown to the executor); every later slice is refused outright. The stop put
        // on meanwhile for what it might have filled must not outlive the entry, and the entry is never sent late.
        stack.Faults.Apply(new FaultSettings
        {
            RefuseOrders =
            [
                new OrderRefusalFault { Kind = OrderKind.Entry, Count = 2, RetCode = 10000, Message = "injected: server timeout" },
                new OrderRefusalFault { Kind = OrderKind.Entry, Count = 100, RetCode = 110007, Message = "injected: insufficient balance" },
            ],
        });
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Positions.AnyAsync(row => row.SignalId == signal.SignalId && row.Status == PositionRecordStatus.Closed);
        }, "the empty position closed", MoveTimeout);

        var symbol = InstrumentSymbol.Parse("ETHUSDT");
        Assert.Equal(0m, stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0m));
        Assert.DoesNotContain(stack.Exchange.Orders(symbol, null), order => order.LeavesQuantity > 0);
        await using var db = stack.Database();
        // The entry of unknown outcome was never sent again late: the venue never saw it, and it ended as never placed.
        var first = await db.Orders.AsNoTracking().SingleAsync(order => order.SignalId == signal.SignalId && order.OrderId.EndsWith("-e1"), TestContext.Current.CancellationToken);
        Assert.Equal(OrderRecordStatus.Cancelled, first.Status);
        Assert.Contains("never shown by the venue", first.RejectReason, StringComparison.Ordinal);
        Assert.True(ClientOrderId.TryParse(first.OrderId, out var firstId));
        Assert.Empty(stack.Exchange.Orders(symbol, firstId));
        var stops = await db.Orders.AsNoTracking().Where(order => order.SignalId == signal.SignalId && order.OrderType == OrderStyle.Stop).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(stops);
        Assert.All(stops, stop => Assert.Contains(stop.Status, (OrderRecordStatus[])[OrderRecordStatus.Cancelled, OrderRecordStatus.Deactivated]));
        Assert.Empty(await db.Orders.AsNoTracking().Where(order => order.SignalId == signal.SignalId && order.Status != OrderRecordStatus.Filled && order.Status != OrderRecordStatus.Cancelled
            && order.Status != OrderRecordStatus.Rejected && order.Status != OrderRecordStatus.Deactivated && order.Status != OrderRecordStatus.PartiallyFilledCanceled).ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The largest working reduce-only stop on the venue for the symbol (the venue caps it to the position when it fires).</summary>
    private static decimal StopCoverage(TradingStack stack, InstrumentSymbol symbol) =>
        WorkingStops(stack, symbol).Select(order => order.Quantity).DefaultIfEmpty(0m).Max();

    [Fact]
    public async Task CloseCommandRedeliveredAfterACrashBeforeItsAcknowledgement_ClosesOnce()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signal = await stack.LongSignalAsync("SOLUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var symbol = InstrumentSymbol.Parse("SOLUSDT");
        var entered = stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity);

        var command = new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.ClosePosition, DateTimeOffset.UtcNow, "tester", PositionId: positionId, Percent: 50m);
        var ackId = new CommandAcknowledged(command.CommandId, command.Kind, true, null, "", DateTimeOffset.UtcNow).MessageId;
        await PublishCommandAsync(stack, command);
        await Eventually.UntilAsync(() => AcknowledgedAsync(stack, ackId), "the first acknowledgement");
        var afterFirst = stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity);
        Assert.True(afterFirst < entered);

        // The crash: the close went out but its acknowledgement was never committed, so the command comes again.
        await using (var database = stack.Database())
        {
            await database.Outbox.Where(row => row.MessageId == ackId).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        await PublishCommandAsync(stack, command);
        await Eventually.UntilAsync(() => AcknowledgedAsync(stack, ackId), "the acknowledgement of the redelivered command");

        Assert.Equal(afterFirst, stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity));
        await using var db = stack.Database();
        Assert.Single(await db.Orders.AsNoTracking().Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Exit).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static async Task PublishCommandAsync(TradingStack stack, EngineCommand command) =>
        await new RedisStreamPublisher(stack.Redis.Connection, TimeProvider.System).PublishAsync(StreamNames.Commands, command, command.CommandId);

    private static async Task<bool> AcknowledgedAsync(TradingStack stack, string ackId)
    {
        await using var database = stack.Database();
        return await database.Outbox.AnyAsync(row => row.MessageId == ackId);
    }

    private static List<OrderState> WorkingStops(TradingStack stack, InstrumentSymbol symbol) =>
        [.. stack.Exchange.Orders(symbol, null).Where(order => order.Request.Trigger is not null && order.Request.ReduceOnly)];
}
