using System.Text.Json;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// An engine step that fails half-way (the database refuses its commit, the venue does not answer) leaves the engine
/// as the database holds it: never an engine that believes itself tripped or starting while every reader sees otherwise.
/// </summary>
public sealed class ExecutorStepFailureTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task KillWhoseCommitTheDatabaseRefuses_EngineStaysAsCommitted_TheKillAppliesOnceTheDatabaseTakesIt()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the executor to take the lease");
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        // The database refuses to store the Emergency state (as a lost connection or a failed commit would).
        await ExecuteAsync(stack, """
            CREATE FUNCTION refuse_emergency() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'test: the database refuses this commit'; END $$;
            CREATE TRIGGER refuse_emergency BEFORE UPDATE ON engine_state FOR EACH ROW
            WHEN (NEW.state = 'Emergency') EXECUTE FUNCTION refuse_emergency();
            """);
        var kill = new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.Kill, DateTimeOffset.UtcNow, "tester");
        await new RedisStreamPublisher(stack.Redis.Connection, TimeProvider.System).PublishAsync(StreamNames.Commands, kill, kill.CommandId);

        // The kill failed and is not answered; the next command meets the engine the database holds: running, armed.
        var stop = await stack.SendCommandAsync(EngineCommandKind.Stop);
        Assert.True(stop.Accepted, stop.Reason);
        Assert.Equal(nameof(EngineState.Stopped), stop.EngineState);
        Assert.Equal(EngineState.Stopped, executor.State);
        Assert.DoesNotContain(await stack.EventsAsync<CommandAcknowledged>(), ack => ack.CommandId == kill.CommandId);
        await using (var database = stack.Database())
        {
            var risk = await database.RiskStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.False(risk.KillSwitchTripped);
        }

        await Eventually.UntilAsync(async () => await PublishedStateAsync(stack) == nameof(EngineState.Stopped), "engine:state to say Stopped");

        // Once the database takes it, the pending kill comes back (reclaimed after 30 s) and applies, once.
        await ExecuteAsync(stack, "DROP TRIGGER refuse_emergency ON engine_state");
        var killed = await Eventually.WaitAsync(
            async () => (await stack.EventsAsync<CommandAcknowledged>()).FirstOrDefault(ack => ack.CommandId == kill.CommandId), "the redelivered kill", TimeSpan.FromMinutes(2));
        Assert.True(killed.Accepted, killed.Reason);
        Assert.Equal(EngineState.Emergency, executor.State);
        await Eventually.UntilAsync(async () => await PublishedStateAsync(stack) == nameof(EngineState.Emergency), "engine:state to say Emergency");
        Assert.Single(await stack.EventsAsync<CommandAcknowledged>(), ack => ack.CommandId == kill.CommandId);
    }

    [Fact]
    public async Task StartWhileTheVenueCannotBeRead_RefusedWithTheVenuesFailure_EngineStoppedNotStuckStarting_NextStartTrades()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);
        await using var executor = await stack.StartExecutorAsync("a");
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the executor to take the lease");

        // Every read of the venue's positions fails: the start cannot reconcile.
        stack.Faults.Apply(new FaultSettings { PathPrefix = "/v5/position/list", ServerErrorShare = 1 });
        var refused = await stack.SendCommandAsync(EngineCommandKind.Start);

        Assert.False(refused.Accepted);
        Assert.StartsWith("start failed at the venue: ", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(nameof(EngineState.Stopped), refused.EngineState);
        Assert.Equal(EngineState.Stopped, executor.State);
        await using (var database = stack.Database())
        {
            var state = await database.EngineStates.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(nameof(EngineState.Stopped), state.State);
            Assert.StartsWith("start failed at the venue", state.Reason, StringComparison.Ordinal);
        }

        stack.Faults.Apply(FaultSettings.None);
        var started = await stack.SendCommandAsync(EngineCommandKind.Start);
        Assert.True(started.Accepted, started.Reason);
        Assert.Equal(EngineState.Running, executor.State);
    }

    private static async Task ExecuteAsync(TradingStack stack, string sql)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string?> PublishedStateAsync(TradingStack stack)
    {
        var stored = await stack.Redis.Connection.GetDatabase().StringGetAsync(RedisKeys.EngineState);
        return stored.HasValue ? JsonSerializer.Deserialize<EngineStateChanged>(stored.ToString(), MessageJson.Options)!.State : null;
    }
}
