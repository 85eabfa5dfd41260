using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>The executor against real PostgreSQL, Redis and the simulator on loopback.</summary>
public sealed class ExecutorTradingTests(LocalPostgresServer postgres)
{
    private static readonly TimeSpan TradeTimeout = TimeSpan.FromSeconds(120);

    /// <summary>A cancelled conditional order is reported Deactivated, as on Bybit.</summary>
    private static readonly OrderRecordStatus[] CancelledStatuses = [OrderRecordStatus.Cancelled, OrderRecordStatus.Deactivated];

    [Fact]
    public async Task Signal_EntryFilledProtectedThenClosed_TradePnlEqualsWalletChangeToTheCent()
    {
        await using var stack = await TradingStack.StartAsync(postgres);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var walletBefore = stack.WalletBalance;

        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        await stack.PublishSignalAsync(signal);

        var position = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Positions.AsNoTracking().SingleOrDefaultAsync(row => row.SignalId == signal.SignalId && row.Status != PositionRecordStatus.Opening);
        }, "the entry fill");
        Assert.True(position.OriginalQuantity > 0);

        await using (var database = stack.Database())
        {
            var orders = await database.Orders.AsNoTracking().Where(order => order.PositionId == position.PositionId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains(orders, order => order.Purpose == OrderPurpose.Entry && order.Status == OrderRecordStatus.Filled);
            var targets = orders.Where(order => order.Purpose == OrderPurpose.TakeProfit).ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, order => Assert.True(order.ReduceOnly));
            var stops = orders.Where(order => order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop).OrderBy(order => order.CreatedAt).ToList();
            Assert.NotEmpty(stops);
            Assert.All(stops, order => Assert.True(order.ReduceOnly));
            Assert.True(stops.Count(order => order.Status is OrderRecordStatus.New or OrderRecordStatus.Untriggered) <= 1, "one working stop at a time");

            // The stop rests at the signal's stop, unless a stop move (TP1 already filled) replaced it at once.
            Assert.True(stops[0].TriggerPrice == position.InitialStop || stops[0].TriggerPrice >= position.EntryPrice);
        }

        var trade = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == position.PositionId);
        }, "the trade", TradeTimeout);

        await stack.AssertBooksEqualWalletAsync(walletBefore);
        Assert.True(trade.Fees > 0);
        Assert.NotEqual(0m, trade.RMultiple);
        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.Empty(stack.Exchange.Orders(InstrumentSymbol.Parse("BTCUSDT"), null));
        await Eventually.UntilAsync(async () => (await stack.EventsAsync<TradeClosed>()).Any(closed => closed.PositionId == position.PositionId), "TradeClosed on trading-events");
    }

    [Fact]
    public async Task TakeProfitOne_FillsPartially_StopMovesToBreakeven_RestExits_PnlEqualsWalletChange()
    {
        await using var stack = await TradingStack.StartAsync(postgres);
        await using var executor = await stack.StartExecutorAsync("a");

        await stack.StoreQuickTradesPresetAsync();
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var walletBefore = stack.WalletBalance;

        TradeRecord? trade = null;
        List<OrderRecord> orders = [];
        foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT" })
        {
            var signal = await stack.LongSignalAsync(symbol, 0.02m);
            await stack.PublishSignalAsync(signal);
            var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
            trade = await Eventually.WaitAsync(async () =>
            {
                await using var database = stack.Database();
                return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == positionId);
            }, "the trade", TradeTimeout);
            await using var db = stack.Database();
            orders = await db.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);
            if (orders.Any(order => order.Purpose == OrderPurpose.TakeProfit && order.OrderId.EndsWith("-t1", StringComparison.Ordinal) && order.Status == OrderRecordStatus.Filled))
            {
                break;
            }
        }

        Assert.NotNull(trade);
        var tp1 = Assert.Single(orders, order => order.OrderId.EndsWith("-t1", StringComparison.Ordinal));
        Assert.Equal(OrderRecordStatus.Filled, tp1.Status);
        Assert.True(tp1.Quantity < trade.Quantity);
        var stops = orders.Where(order => order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop).OrderBy(order => order.CreatedAt).ToList();
        Assert.NotEmpty(stops);

        // The stop went to breakeven: a stop order there, or, when the price had fallen through that level by the time
        // it was sent, a market exit for the breakeven stop instead of a stop that could not rest.
        var exitedAtBreakeven = trade.ExitReason == "BreakevenStop" && orders.Any(order => order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Market);
        Assert.True(stops[^1].TriggerPrice >= trade.EntryPrice || exitedAtBreakeven, "the last stop sits at breakeven or better, or the breakeven stop exited at market");

        // The initial stop (unless TP1 filled before it was even placed) was replaced, not left behind.
        Assert.All(stops.Where(order => order.TriggerPrice < trade.EntryPrice), order => Assert.Contains(order.Status, CancelledStatuses));
        await Eventually.UntilAsync(async () => (await stack.EventsAsync<PositionUpdated>()).Any(update => update.PositionId == trade.PositionId && update.StopKind == "Breakeven"), "a PositionUpdated with the breakeven stop");
        await stack.AssertBooksEqualWalletAsync(walletBefore);
        Assert.Equal(0, stack.VenueOpenPositions);
    }
}
