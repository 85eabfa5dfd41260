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
            return await database.Positions.AsNoTracking().SingleOrDefaultAsync(row => row.SignalId == signal.SignalId && row.Status != "Opening");
        }, "the entry fill");
        Assert.True(position.OriginalQuantity > 0);

        await using (var database = stack.Database())
        {
            var orders = await database.Orders.AsNoTracking().Where(order => order.PositionId == position.PositionId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains(orders, order => order.Purpose == "Entry" && order.Status == "Filled");
            var targets = orders.Where(order => order.Purpose == "TakeProfit").ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, order => Assert.True(order.ReduceOnly));
            var stop = Assert.Single(orders, order => order.Purpose == "StopLoss" && order.OrderType == "Stop");
            Assert.True(stop.ReduceOnly);
            Assert.Equal(position.InitialStop, stop.TriggerPrice);
        }

        var trade = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == position.PositionId);
        }, "the trade", TradeTimeout);

        var walletChange = stack.WalletBalance - walletBefore;
        Assert.Equal(decimal.Round(walletChange, 2), decimal.Round(trade.RealizedPnl, 2));
        Assert.True(trade.Fees > 0);
        Assert.NotEqual(0m, trade.RMultiple);
        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.Empty(stack.Exchange.Orders(InstrumentSymbol.Parse("BTCUSDT"), null));
        Assert.Contains(await stack.EventsAsync<TradeClosed>(), closed => closed.PositionId == position.PositionId);
    }
}
