using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Testing;

namespace BreakoutBot.Executor.Tests;

/// <summary>Entries on the executor's streams that can never be handled are dead-lettered; the commands behind them still run.</summary>
public sealed class ExecutorPoisonMessageTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task UnreadableAndMalformedCommands_AreDeadLettered_TheNextCommandStillRuns()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the executor trading");
        var database = stack.Redis.Connection.GetDatabase();

        // Not JSON; an envelope without a type; an EngineCommand whose payload does not read as one.
        await database.StreamAddAsync(StreamNames.Commands, RedisStreamPublisherField, "{ not json");
        await database.StreamAddAsync(StreamNames.Commands, RedisStreamPublisherField, """{"id":"x1","version":1,"payload":{}}""");
        await database.StreamAddAsync(StreamNames.Commands, RedisStreamPublisherField,
            """{"id":"x2","type":"EngineCommand","version":1,"occurredAt":"2026-12-06T10:00:00Z","correlationId":"c","payload":{"kind":"Explode"}}""");

        var ack = await stack.SendCommandAsync(EngineCommandKind.Start);

        Assert.True(ack.Accepted, ack.Reason);
        Assert.Equal(EngineState.Running, executor.State);
        await Eventually.UntilAsync(async () => await database.StreamLengthAsync(RedisStreamConsumer.DeadLetterStream(StreamNames.Commands)) == 3, "three dead letters");
        var reasons = (await database.StreamRangeAsync(RedisStreamConsumer.DeadLetterStream(StreamNames.Commands))).Select(entry => entry["reason"].ToString()).ToList();
        Assert.Contains(reasons, reason => reason.StartsWith("payload unreadable", StringComparison.Ordinal));
        Assert.Equal(0, (await database.StreamPendingAsync(StreamNames.Commands, "executor")).PendingMessageCount);
    }

    private const string RedisStreamPublisherField = "envelope";
}
