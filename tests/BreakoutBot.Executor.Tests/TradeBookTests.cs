using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>The trade a finished position leaves, from its booked orders and fills in a real database, without an engine.</summary>
public sealed class TradeBookTests(LocalPostgresServer postgres)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TakeProfitThenBreakevenStop_ExitPriceWeighted_ReasonFromTheLastExit_RFromTheInitialRisk_WrittenOnce()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var at = bench.Clock.GetUtcNow();
        var position = TestPositions.Long("p1", "ETHUSDT", entry: 100m, stop: 95m, quantity: 2m, status: PositionRecordStatus.Open, openedAt: at);
        (position.StopKind, position.OpenQuantity, position.RealizedPnl, position.Fees, position.Funding) = (StopKind.Breakeven, 0m, 9.5m, 0.4m, -0.1m);
        bench.Database.Positions.Add(position);
        bench.Database.Signals.Add(new SignalRecord { SignalId = "s1", Symbol = "ETHUSDT", Strategy = "Momentum", PresetName = "sim_breakout" });
        position.SignalId = "s1";
        Filled(bench.Database, position, "p1-e1", OrderPurpose.Entry, OrderSide.Buy, (2m, 100m, at));
        Filled(bench.Database, position, "p1-t1", OrderPurpose.TakeProfit, OrderSide.Sell, (1m, 110m, at.AddMinutes(5)));
        Filled(bench.Database, position, "p1-s2", OrderPurpose.StopLoss, OrderSide.Sell, (1m, 100m, at.AddMinutes(9)));
        await bench.Database.SaveChangesAsync(Cancellation);
        var book = new TradeBook(bench.Clock);

        var trade = await book.CloseAsync(bench.Database, position, "c1", Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);
        var again = await book.CloseAsync(bench.Database, position, "c1", Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);

        Assert.NotNull(trade);
        Assert.Null(again);
        Assert.Equal(("t1", "Momentum", 105m, 2m), (trade.TradeId, trade.Strategy, trade.ExitPrice, trade.Quantity));
        Assert.Equal(nameof(ExitReason.BreakevenStop), trade.ExitReason);
        Assert.Equal((9.5m, 0.4m, -0.1m, 10m, 0.95m), (trade.RealizedPnl, trade.Fees, trade.Funding, trade.InitialRisk, trade.RMultiple));
        Assert.Equal((at, at.AddMinutes(9)), (trade.OpenedAt, trade.ClosedAt));
        await using var reader = bench.NewContext();
        var stored = await reader.Positions.AsNoTracking().SingleAsync(row => row.PositionId == "p1", Cancellation);
        Assert.Equal((PositionRecordStatus.Closed, at.AddMinutes(9), nameof(ExitReason.BreakevenStop)), (stored.Status, stored.ClosedAt, stored.ExitReason));
        Assert.Equal(1, await reader.Trades.CountAsync(Cancellation));
        var outbox = await reader.Outbox.AsNoTracking().ToListAsync(Cancellation);
        Assert.Single(outbox, row => row.EnvelopeJson.Contains($"\"{nameof(TradeClosed)}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddOnThenARuleExit_RMeasuredFromTheEntryProper_QuantityIncludesTheAddOn_TheRulesReasonKept()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var at = bench.Clock.GetUtcNow();
        var position = TestPositions.Long("p2", "BTCUSDT", entry: 102m, stop: 95m, quantity: 1m, status: PositionRecordStatus.Closing, openedAt: at);
        (position.OpenQuantity, position.RealizedPnl, position.ExitReason) = (0m, 8m, nameof(ExitReason.WeakImpulse));
        bench.Database.Positions.Add(position);
        Filled(bench.Database, position, "p2-e1", OrderPurpose.Entry, OrderSide.Buy, (1m, 100m, at));
        Filled(bench.Database, position, "p2-a1", OrderPurpose.AddOn, OrderSide.Buy, (1m, 104m, at.AddMinutes(3)));
        Filled(bench.Database, position, "p2-x1", OrderPurpose.Exit, OrderSide.Sell, (1.5m, 106m, at.AddMinutes(7)), (0.5m, 107m, at.AddMinutes(8)));
        await bench.Database.SaveChangesAsync(Cancellation);

        var trade = await new TradeBook(bench.Clock).CloseAsync(bench.Database, position, "c2", Cancellation);

        Assert.NotNull(trade);
        Assert.Equal((2m, 106.25m, 5m, 1.6m), (trade.Quantity, trade.ExitPrice, trade.InitialRisk, trade.RMultiple));
        Assert.Equal((nameof(ExitReason.WeakImpulse), "Strategy"), (trade.ExitReason, trade.Strategy));
        Assert.Equal(at.AddMinutes(8), trade.ClosedAt);
    }

    [Fact]
    public async Task NoExitFill_ClosedNowAtTheEntryPrice_ReasonClosed()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var at = bench.Clock.GetUtcNow();
        var position = TestPositions.Long("p3", "SOLUSDT", entry: 20m, stop: 19m, quantity: 3m, status: PositionRecordStatus.Opening, openedAt: at);
        position.OpenQuantity = 0m;
        bench.Database.Positions.Add(position);
        await bench.Database.SaveChangesAsync(Cancellation);
        bench.Clock.Advance(TimeSpan.FromMinutes(2));

        var trade = await new TradeBook(bench.Clock).CloseAsync(bench.Database, position, "c3", Cancellation);

        Assert.NotNull(trade);
        Assert.Equal((20m, "Closed", at.AddMinutes(2), 0m), (trade.ExitPrice, trade.ExitReason, trade.ClosedAt, trade.RMultiple));
    }

    /// <summary>A filled order of <paramref name="position"/> and its fills (quantity, price, time).</summary>
    private static void Filled(TradingDbContext database, PositionRecord position, string orderId, OrderPurpose purpose, OrderSide side, params (decimal Quantity, decimal Price, DateTimeOffset At)[] fills)
    {
        database.Orders.Add(new OrderRecord
        {
            OrderId = orderId, PositionId = position.PositionId, Symbol = position.Symbol, Side = side, Purpose = purpose, OrderType = OrderStyle.Market,
            Quantity = fills.Sum(fill => fill.Quantity), FilledQuantity = fills.Sum(fill => fill.Quantity), Status = OrderRecordStatus.Filled,
            ReduceOnly = purpose is not (OrderPurpose.Entry or OrderPurpose.AddOn), CreatedAt = fills[0].At, UpdatedAt = fills[^1].At,
        });
        for (var i = 0; i < fills.Length; i++)
        {
            database.Fills.Add(new FillRecord
            {
                ExecutionId = $"{orderId}:{i}", OrderId = orderId, PositionId = position.PositionId, Symbol = position.Symbol, Side = side,
                Price = fills[i].Price, Quantity = fills[i].Quantity, ExecutedAt = fills[i].At, RecordedAt = fills[i].At,
            });
        }
    }
}
