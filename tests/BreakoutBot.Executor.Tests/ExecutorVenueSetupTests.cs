using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
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

    /// <summary>The system clock moved by a fixed offset, as on a machine whose clock has drifted.</summary>
    private sealed class SkewedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
