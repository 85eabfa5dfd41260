using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>Idempotency, concurrency limits, the kill switch and flattening, against the real stack.</summary>
public sealed class ExecutorRiskTests(LocalPostgresServer postgres)
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"];

    [Fact]
    public async Task SameSignalTwice_OpensOnePosition()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");

        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        await stack.PublishSignalAsync(signal);
        await stack.PublishSignalAsync(signal);
        await WaitForSignalsAsync(stack, 1);

        // A third copy after the first was fully handled: still nothing new.
        await stack.PublishSignalAsync(signal);
        var marker = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(marker);
        await WaitForSignalsAsync(stack, 2);
        await WaitForOpenPositionAsync(stack, signal.SignalId);

        await using var database = stack.Database();
        Assert.Equal(1, await database.Positions.CountAsync(row => row.Symbol == "BTCUSDT", TestContext.Current.CancellationToken));
        var entrySlices = await database.Orders.Where(row => row.Symbol == "BTCUSDT" && row.Purpose == OrderPurpose.Entry).Select(row => row.OrderId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(entrySlices, id => Assert.StartsWith(TradingIds.PositionFor(signal.SignalId) + "-e", id, StringComparison.Ordinal));
        var venueBtc = stack.Exchange.ReadAccount(ledger => ledger.PositionOf(InstrumentSymbol.Parse("BTCUSDT"))?.Quantity ?? 0);
        var ours = await database.Positions.SingleAsync(row => row.Symbol == "BTCUSDT", TestContext.Current.CancellationToken);
        Assert.Equal(ours.OriginalQuantity, venueBtc);
    }

    [Fact]
    public async Task BurstOfSignals_NeverMoreThanMaxConcurrentPositions()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(("risk.max_concurrent_positions", 2));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var signals = new List<SignalDetected>();
        foreach (var symbol in Symbols)
        {
            signals.Add(await stack.LongSignalAsync(symbol, 0.01m));
        }

        await Task.WhenAll(signals.Select(stack.PublishSignalAsync));
        await WaitForSignalsAsync(stack, Symbols.Length);

        await using var database = stack.Database();
        var outcomes = await database.Signals.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, outcomes.Count(row => row.Outcome == SignalOutcome.Approved));
        Assert.Equal(Symbols.Length - 2, outcomes.Count(row => row.Outcome == SignalOutcome.Rejected && row.Reason!.StartsWith("MaxConcurrentPositions", StringComparison.Ordinal)));
        Assert.True(stack.VenueOpenPositions <= 2);
    }

    [Fact]
    public async Task SignalsCorrelatedWithBtc_SecondSameSideRefusedByCorrelationLimit_UncorrelatedTaken()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(("risk.correlation_limit", 0.7));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        var first = (await stack.LongSignalAsync("ETHUSDT", 0.01m)) with { BtcCorrelation = 0.92 };
        await stack.PublishSignalAsync(first);
        await WaitForOpenPositionAsync(stack, first.SignalId);
        var correlated = (await stack.LongSignalAsync("SOLUSDT", 0.01m)) with { BtcCorrelation = 0.85 };
        var uncorrelated = (await stack.LongSignalAsync("XRPUSDT", 0.01m)) with { BtcCorrelation = 0.2 };
        await stack.PublishSignalAsync(correlated);
        await WaitForSignalsAsync(stack, 2);
        await stack.PublishSignalAsync(uncorrelated);
        await WaitForSignalsAsync(stack, 3);

        await using var database = stack.Database();
        var outcomes = await database.Signals.AsNoTracking().ToDictionaryAsync(row => row.SignalId, TestContext.Current.CancellationToken);
        Assert.Equal(0.92, outcomes[first.SignalId].BtcCorrelation);
        Assert.Equal(SignalOutcome.Rejected, outcomes[correlated.SignalId].Outcome);
        Assert.StartsWith(nameof(RiskRejectionCode.CorrelatedExposure), outcomes[correlated.SignalId].Reason, StringComparison.Ordinal);
        Assert.Equal(SignalOutcome.Approved, outcomes[uncorrelated.SignalId].Outcome);
    }

    [Fact]
    public async Task LosingStreak_TripsKillSwitch_EntriesRefused_SurvivesRestart_OnlyResetClears()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(("risk.max_consecutive_losses", 1));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        // A forced loss: in and straight out on an unchanged book costs the spread and both fees.
        var first = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        await stack.PublishSignalAsync(first);
        var position = await WaitForOpenPositionAsync(stack, first.SignalId);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.ClosePosition, position)).Accepted);
        var trade = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == position);
        }, "the losing trade");
        Assert.True(trade.RealizedPnl < 0);

        // The next signal meets the streak: the kill switch trips and the entry is refused.
        var second = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(second);
        await WaitForSignalsAsync(stack, 2);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Emergency), "the emergency state");
        await Eventually.UntilAsync(async () => (await stack.EventsAsync<KillSwitchChanged>()).Any(change => change.Tripped), "KillSwitchChanged on trading-events");

        var third = await stack.LongSignalAsync("SOLUSDT", 0.01m);
        await stack.PublishSignalAsync(third);
        await WaitForSignalsAsync(stack, 3);

        // Restart: still tripped, still refusing.
        await executor.StopAsync();
        executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the restarted executor");
        Assert.Equal(EngineState.Emergency, executor.State);
        var refusedStart = await stack.SendCommandAsync(EngineCommandKind.Start);
        Assert.False(refusedStart.Accepted);
        Assert.Contains("kill switch", refusedStart.Reason, StringComparison.Ordinal);
        var fourth = await stack.LongSignalAsync("BNBUSDT", 0.01m);
        await stack.PublishSignalAsync(fourth);
        await WaitForSignalsAsync(stack, 4);

        await using (var database = stack.Database())
        {
            var risk = await database.RiskStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.True(risk.KillSwitchTripped);
            var later = await database.Signals.AsNoTracking().Where(row => row.SignalId != first.SignalId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(later, row => Assert.NotEqual(SignalOutcome.Approved, row.Outcome));
            Assert.Equal(1, await database.Positions.CountAsync(TestContext.Current.CancellationToken));
        }

        // Only the reset clears it.
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.ResetKillSwitch)).Accepted);
        Assert.Equal(EngineState.Stopped, executor.State);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var fifth = await stack.LongSignalAsync("XRPUSDT", 0.01m);
        await stack.PublishSignalAsync(fifth);
        await WaitForOpenPositionAsync(stack, fifth.SignalId);
        await executor.StopAsync();
    }

    [Fact]
    public async Task KillWithFlatten_LeavesNoOpenPositionOrOrder()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);

        // The positions must stay open for the test: no bar-close rule may end one early (a test signal's level is its
        // entry, so the failed-breakout exit would fire on the first 1-minute close below it).
        await stack.StorePresetAsync(
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false));
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        foreach (var symbol in Symbols[..2])
        {
            var signal = await stack.LongSignalAsync(symbol, 0.01m);
            await stack.PublishSignalAsync(signal);
            await WaitForOpenPositionAsync(stack, signal.SignalId);
        }

        Assert.Equal(2, stack.VenueOpenPositions);
        Assert.NotEmpty(stack.Exchange.Orders(InstrumentSymbol.Parse(Symbols[0]), null));

        var ack = await stack.SendCommandAsync(EngineCommandKind.Kill, flatten: true);

        Assert.True(ack.Accepted);
        Assert.Equal(nameof(EngineState.Emergency), ack.EngineState);
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.CountAsync() == 2;
        }, "both positions closed as trades");
        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.All(Symbols[..2], symbol => Assert.Empty(stack.Exchange.Orders(InstrumentSymbol.Parse(symbol), null)));
        var second = await stack.LongSignalAsync(Symbols[2], 0.01m);
        await stack.PublishSignalAsync(second);
        await WaitForSignalsAsync(stack, 3);
        Assert.Equal(0, stack.VenueOpenPositions);
    }

    internal static async Task WaitForSignalsAsync(TradingStack stack, int count) =>
        await Eventually.UntilAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Signals.CountAsync() >= count;
        }, $"{count} signal decision(s)");

    internal static async Task<string> WaitForOpenPositionAsync(TradingStack stack, string signalId) =>
        await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Positions.AsNoTracking().Where(row => row.SignalId == signalId && row.Status == PositionRecordStatus.Open).Select(row => row.PositionId).SingleOrDefaultAsync();
        }, $"the position of {signalId}");
}
