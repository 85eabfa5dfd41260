using System.Collections.Concurrent;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using StackExchange.Redis;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// Plays the Executor's side of the command contract: reads <see cref="EngineCommand"/>s from <c>commands</c> in a
/// consumer group and publishes one <see cref="CommandAcknowledged"/> per command on <c>trading-events</c>.
/// Rules: commands from the <c>mute</c> key get no answer; Pause is refused ("engine is not running"); Kill answers
/// Emergency; everything else is accepted as Running.
/// </summary>
public sealed class FakeExecutor(IConnectionMultiplexer redis, RedisStreamPublisher publisher) : IAsyncDisposable
{
    public const string PauseRefusal = "engine is not running";

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public ConcurrentQueue<EngineCommand> Received { get; } = new();

    public void Start() => _loop = Task.Run(RunAsync);

    public EngineCommand? Find(string commandId) => Received.FirstOrDefault(command => command.CommandId == commandId);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await using var consumer = new RedisStreamConsumer(redis, StreamConsumerOptions.For(StreamNames.Commands, "executor", "fake-executor", startFromBeginning: false));
        await foreach (var message in consumer.ReadAsync(_stop.Token))
        {
            var command = message.Envelope!.PayloadAs<EngineCommand>();
            Received.Enqueue(command);
            await consumer.AcknowledgeAsync(message);
            if (command.IssuedBy == "mute")
            {
                continue;
            }

            var (accepted, reason, state) = command.Kind switch
            {
                EngineCommandKind.Pause => (false, PauseRefusal, "Stopped"),
                EngineCommandKind.Kill => (true, (string?)null, "Emergency"),
                _ => (true, null, "Running"),
            };
            await publisher.PublishAsync(
                StreamNames.TradingEvents,
                new CommandAcknowledged(command.CommandId, command.Kind, accepted, reason, state, DateTimeOffset.UtcNow),
                correlationId: command.CommandId);
        }
    }
}
