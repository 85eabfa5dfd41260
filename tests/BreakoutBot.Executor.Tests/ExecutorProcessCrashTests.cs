using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BreakoutBot.Executor.Tests;

/// <summary>The executor as a real OS process, killed at the worst moment and started again.</summary>
public sealed class ExecutorProcessCrashTests(LocalPostgresServer postgres)
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task ProcessKilledRightAfterEntrySent_RestartAdoptsTheFill_OneEntryOneStopNoSecondPosition()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);
        var symbol = InstrumentSymbol.Parse(Symbol);
        var arguments = stack.ExecutorArguments("a", autoStart: false);
        var signal = await stack.LongSignalAsync(Symbol, 0.01m);

        await using (var first = ExecutorProcess.Start("first", arguments))
        {
            await Eventually.UntilAsync(() => EngineInitializedAsync(stack), "the first executor process to initialise");

            // Market-only entries: one entry order per position, so "exactly one" below is exact.
            await stack.StorePresetAsync(("execution_config.enable_twap", false), ("execution_config.enable_iceberg", false));
            Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

            // The venue books the entry but holds its answer, so the process dies between "sent" and "heard".
            stack.Faults.Apply(new FaultSettings { PathPrefix = "/v5/order/create", AnswerDelayMs = 120_000 });
            await stack.PublishSignalAsync(signal);
            await Eventually.UntilAsync(() => Task.FromResult(VenueEntries(stack, symbol).Count > 0), "the entry to reach the venue");
            first.Kill();
        }

        Assert.True(stack.Faults.Counters.Delayed > 0, "the venue held an order answer");
        stack.Faults.Apply(FaultSettings.None);
        await using (var database = stack.Database())
        {
            // What the crash left: the entry sent but never answered, so the executor never booked the fill.
            var crashed = await database.Positions.AsNoTracking().SingleAsync(row => row.SignalId == signal.SignalId, TestContext.Current.CancellationToken);
            Assert.Equal(PositionRecordStatus.Opening, crashed.Status);
            Assert.Equal(0m, crashed.OpenQuantity);
            var sent = await database.Orders.AsNoTracking().Where(order => order.PositionId == crashed.PositionId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains(sent, order => order.Purpose == OrderPurpose.Entry);
            Assert.All(sent, order => Assert.Equal(OrderRecordStatus.Pending, order.Status));
        }

        Assert.True(VenueQuantity(stack, symbol) > 0, "the venue filled the entry before the crash");

        await using var second = ExecutorProcess.Start("second", arguments);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        // The signal comes again (the crash left it unacknowledged, and a scanner may repeat it): nothing new happens.
        await stack.PublishSignalAsync(signal);
        var marker = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(marker);
        await ExecutorRiskTests.WaitForSignalsAsync(stack, 2);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, marker.SignalId);

        await using (var database = stack.Database())
        {
            var position = await database.Positions.AsNoTracking().SingleAsync(row => row.SignalId == signal.SignalId, TestContext.Current.CancellationToken);
            Assert.Equal(positionId, position.PositionId);
            Assert.Equal(1, await database.Positions.CountAsync(row => row.Symbol == Symbol, TestContext.Current.CancellationToken));
            var orders = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);

            var venueEntry = Assert.Single(VenueEntries(stack, symbol));
            Assert.Contains(orders, order => order.OrderId == venueEntry.State.ClientOrderId.Value && order.Purpose == OrderPurpose.Entry && order.Status == OrderRecordStatus.Filled);
            Assert.Equal(position.OpenQuantity, venueEntry.State.FilledQuantity);
            Assert.Equal(position.OpenQuantity, VenueQuantity(stack, symbol));

            var stop = Assert.Single(stack.Exchange.Orders(symbol, null), order => order.Request.Trigger is not null && order.Request.ReduceOnly);
            Assert.Equal(position.Stop, stop.Trigger!.Price);
            Assert.Contains(orders, order => order.OrderId == stop.ClientOrderId.Value && order.Purpose == OrderPurpose.StopLoss);
            var history = stack.Exchange.OrderHistory(symbol);
            Assert.Equal(history.Count, history.Select(order => order.State.ClientOrderId).Distinct().Count());
        }

        Assert.False(second.HasExited, "the restarted executor keeps running");
    }

    /// <summary>The engine wrote its state row (the process migrates the database first, so the table may not exist yet).</summary>
    private static async Task<bool> EngineInitializedAsync(TradingStack stack)
    {
        await using var database = stack.Database();
        try
        {
            return await database.EngineStates.AnyAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    /// <summary>Orders that open exposure (not reduce-only): the entries, whatever their orderLinkIds look like.</summary>
    private static List<Simulator.Trading.SimulatedOrder> VenueEntries(TradingStack stack, InstrumentSymbol symbol) =>
        [.. stack.Exchange.OrderHistory(symbol).Where(order => !order.State.Request.ReduceOnly)];

    private static decimal VenueQuantity(TradingStack stack, InstrumentSymbol symbol) =>
        stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)?.Quantity ?? 0);
}
