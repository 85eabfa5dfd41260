using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Executor.Tests;

/// <summary>The venue's clock, the account's modes and the symbols' leverage, agreed with the venue before trading.</summary>
public sealed class ExecutorVenueSetupTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task LocalClockTwentySecondsAhead_RequestsAreSignedWithTheVenuesTime_LeverageSetBeforeTheFirstEntry()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);

        // 20 s ahead is far outside Bybit's 5 s receive window: unsynchronised, every signed request would be 10002.
        await using var executor = await stack.StartExecutorWithAsync(
            "a", services => services.AddSingleton<TimeProvider>(new SkewedClock(TimeSpan.FromSeconds(20))), autoStart: true, "Executor:Leverage=5");
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var symbol = InstrumentSymbol.Parse("SOLUSDT");
        Assert.NotEqual(5m, stack.Exchange.ReadAccount(ledger => ledger.LeverageOf(symbol)));

        var signal = await stack.LongSignalAsync("SOLUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        Assert.Equal(5m, stack.Exchange.ReadAccount(ledger => ledger.LeverageOf(symbol)));
        Assert.Equal(1, stack.VenueOpenPositions);
    }

    [Fact]
    public async Task VenueClockRunningAhead_OrdersAndEquityPointsCarryTheVenuesTime()
    {
        // The simulator's clock runs 300 times faster than ours: within seconds the two are minutes apart.
        await using var stack = await TradingStack.StartAsync(postgres, speed: 300);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signal = await stack.LongSignalAsync("BTCUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        await using var database = stack.Database();
        var entry = await database.Orders.AsNoTracking()
            .FirstAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.Entry && order.FilledQuantity > 0, TestContext.Current.CancellationToken);
        Assert.True(ClientOrderId.TryParse(entry.OrderId, out var id));
        var atVenue = Assert.Single(stack.Exchange.Orders(InstrumentSymbol.Parse("BTCUSDT"), id));
        Assert.Equal(atVenue.SubmittedAt.ToUnixTimeMilliseconds(), entry.PlacedAt?.ToUnixTimeMilliseconds());
        Assert.True(entry.PlacedAt - entry.CreatedAt > TimeSpan.FromMinutes(1), $"placed {entry.PlacedAt:O} (venue), recorded {entry.CreatedAt:O} (ours)");

        // The equity point the fill brings is stamped on the venue's clock too, so the curve lines up with the trades.
        var fill = await database.Fills.AsNoTracking().FirstAsync(row => row.OrderId == entry.OrderId, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(async () =>
        {
            await using var current = stack.Database();
            return await current.EquitySnapshots.AnyAsync(point => point.At >= fill.ExecutedAt);
        }, "an equity point after the fill, on the venue's clock");
        var point = await database.EquitySnapshots.AsNoTracking().OrderByDescending(row => row.At).FirstAsync(TestContext.Current.CancellationToken);
        Assert.True(point.At - entry.CreatedAt > TimeSpan.FromMinutes(1), $"equity point at {point.At:O}, our clock at {entry.CreatedAt:O} when the order was recorded");
    }

    [Fact]
    public async Task RealVenueDeployment_NeverStartsByItself_NorOnACommandTheApiDidNotCheck()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);

        // A testnet deployment (the simulator stands in for Bybit's testnet) with automatic start asked for.
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true, "Trading:Mode=testnet");
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the executor loaded");
        var raw = await stack.SendCommandAsync(EngineCommandKind.Start);
        Assert.Equal(EngineState.Stopped, executor.State);

        var checkedStart = await stack.SendCommandAsync(
            new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.Start, DateTimeOffset.UtcNow, "tester", Mode: "testnet", VenueConfirmed: true));

        Assert.False(raw.Accepted);
        Assert.Contains("real venue (testnet)", raw.Reason, StringComparison.Ordinal);
        Assert.True(checkedStart.Accepted, checkedStart.Reason);
        Assert.Equal(EngineState.Running, executor.State);
    }

    [Fact]
    public async Task StateLeftBySim_IsNotResumedInAnotherMode_StoppedWithAFreshRiskState()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using (var sim = await stack.StartExecutorAsync("a", autoStart: true))
        {
            await Eventually.UntilAsync(() => Task.FromResult(sim.State == EngineState.Running), "the sim engine running");
            Assert.True((await stack.SendCommandAsync(EngineCommandKind.Kill, flatten: true)).Accepted);
            await Eventually.UntilAsync(() => Task.FromResult(sim.State == EngineState.Emergency), "the sim kill switch tripped");
        }

        // The same data, now deployed for testnet (the simulator stands in for Bybit's testnet).
        await using var testnet = await stack.StartExecutorAsync("b", autoStart: true, "Trading:Mode=testnet");
        await Eventually.UntilAsync(() => Task.FromResult(testnet.IsTrading), "the testnet executor loaded");

        Assert.Equal(EngineState.Stopped, testnet.State);
        await using var database = stack.Database();
        var state = await database.EngineStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Stopped", "testnet"), (state.State, state.Mode));
        Assert.Contains("mode 'sim'", state.Reason, StringComparison.Ordinal);
        var risk = await database.RiskStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.False(risk.KillSwitchTripped);
        Assert.False(risk.FlattenPending);
        Assert.Equal(stack.WalletBalance, risk.DayStartEquity);
        Assert.Contains(await database.AuditLog.AsNoTracking().Where(entry => entry.Action == "engine.mode-changed").ToListAsync(TestContext.Current.CancellationToken),
            entry => entry.Outcome.Contains("sim state was not resumed in testnet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimBooks_AreNotSeenByATestnetDeploymentOnAnotherVenue_AndAreManagedAgainBackInSim()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var cancellation = TestContext.Current.CancellationToken;
        string positionId;
        await using (var sim = await stack.StartExecutorAsync("a", autoStart: true))
        {
            await Eventually.UntilAsync(() => Task.FromResult(sim.State == EngineState.Running), "the sim engine running");
            var signal = await stack.LongSignalAsync("BTCUSDT", 0.05m);
            await stack.PublishSignalAsync(signal);
            positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        }

        // The same database, now deployed for testnet against another venue (a second simulator stands in for it).
        var (otherVenue, venueSettings) = await TradingStack.StartOtherVenueAsync();
        await using (otherVenue)
        {
            await using (var testnet = await stack.StartExecutorAsync("b", autoStart: true, ["Trading:Mode=testnet", .. venueSettings]))
            {
                await Eventually.UntilAsync(() => Task.FromResult(testnet.IsTrading), "the testnet executor loaded");
                Assert.Equal(EngineState.Stopped, testnet.State);

                // Let it run its reconciliation and management rounds: it must find nothing of sim's to manage or report.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
                await using var testnetBooks = stack.Database("testnet");
                Assert.Empty(await testnetBooks.Positions.ToListAsync(cancellation));
                Assert.Empty(await testnetBooks.Orders.ToListAsync(cancellation));
                Assert.Empty(await testnetBooks.Signals.ToListAsync(cancellation));
                Assert.Empty(await testnetBooks.Trades.ToListAsync(cancellation));
                Assert.Empty(await testnetBooks.Drifts.ToListAsync(cancellation));
                Assert.Empty(await testnetBooks.EngineSessions.ToListAsync(cancellation));
            }
        }

        await using (var all = stack.Database())
        {
            var position = await all.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, cancellation);
            Assert.Equal(("sim", PositionRecordStatus.Open), (position.Mode, position.Status));
            Assert.All(await all.Orders.AsNoTracking().ToListAsync(cancellation), order => Assert.Equal("sim", order.Mode));
        }

        // Back in sim: the sim books are there and managed again (whatever the market did meanwhile, books equal the venue).
        await using (var simAgain = await stack.StartExecutorAsync("c"))
        {
            await Eventually.UntilAsync(() => Task.FromResult(simAgain.IsTrading), "the sim executor loaded");
            await stack.AssertBooksMatchVenueAsync();
        }
    }

    /// <summary>The system clock moved by a fixed offset, as on a machine whose clock has drifted.</summary>
    private sealed class SkewedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
