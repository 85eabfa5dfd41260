using System.Globalization;
using System.Text.RegularExpressions;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>A position keeps the preset version it was opened with, whatever the engine trades later.</summary>
public sealed partial class ExecutorPresetPinningTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task PositionOpenedUnderOnePresetVersion_IsManagedWithIt_AfterTheEngineMovesToANewerOne()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(("position_config.breakeven_buffer_bps", 5m));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        // The engine stops and starts again on a newer version whose breakeven buffer is 4 %.
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Stop)).Accepted);
        await stack.StorePresetAsync(("position_config.breakeven_buffer_bps", 400m));
        var restart = await stack.SendCommandAsync(EngineCommandKind.Start);
        Assert.True(restart.Accepted, restart.Reason);
        var answer = await stack.SendCommandAsync(EngineCommandKind.MoveStopToBreakeven, positionId);

        await using var database = stack.Database();
        var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        var newest = await database.PresetVersions.AsNoTracking().Where(preset => preset.Name == position.PresetName).MaxAsync(preset => preset.Version, TestContext.Current.CancellationToken);
        Assert.NotNull(position.PresetVersion);
        Assert.True(position.PresetVersion < newest, $"opened with v{position.PresetVersion}, the engine now trades v{newest}");

        // The breakeven level comes from the position's own version (5 bp above entry), not the engine's (400 bp):
        // either the move went through at that level, or it was refused naming it.
        var level = answer.Accepted ? position.Stop : decimal.Parse(BreakevenLevel().Match(answer.Reason!).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(level, position.EntryPrice, position.EntryPrice * 1.001m);
    }

    [GeneratedRegex(@"breakeven (?:price )?([0-9.]+)")]
    private static partial Regex BreakevenLevel();
}
