using System.Text.Json;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.ServiceDefaults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BreakoutBot.Executor.Hosting;

/// <summary>
/// Runs the engine while this instance holds the account lease: a standby waits for it. Holding it, the worker
/// initialises (reconciles) the engine, then runs the command and signal consumers and the management, reconciliation
/// and equity loops until the host stops or the lease is lost — then it stops everything, and tries again.
/// </summary>
public sealed class ExecutorWorker(
    TradingEngine engine,
    AccountLease lease,
    PrivateStreamDrive pushes,
    DatabaseMigrationState migrations,
    IConnectionMultiplexer redis,
    IOptions<ExecutorOptions> options,
    ServiceTelemetry telemetry,
    TimeProvider clock,
    ILogger<ExecutorWorker> logger) : BackgroundService
{
    public const string ConsumerGroup = "executor";
    private const int MaxDeliveries = 5;
    private readonly ExecutorOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrations.Completed && !stoppingToken.IsCancellationRequested)
        {
            await Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.TryAcquireAsync(stoppingToken))
                {
                    Log.Standby(logger, engine.Account);
                    await Delay(_options.LeaseRetryInterval, stoppingToken);
                    continue;
                }

                Log.LeaseAcquired(logger, engine.Account);
                await RunWhileLeasedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Whatever failed, the lease is given up and the worker starts over after a pause.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.WorkerFailed(logger, exception);
                await Delay(_options.LeaseRetryInterval, stoppingToken);
            }
            finally
            {
                engine.Deactivate();
                await lease.ReleaseAsync();
            }
        }
    }

    private async Task RunWhileLeasedAsync(CancellationToken stoppingToken)
    {
        using var leased = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var token = leased.Token;
        await engine.InitializeAsync(token);
        var consumer = _options.ConsumerName ?? Environment.MachineName;
        Task[] loops =
        [
            WatchLeaseAsync(leased),
            ConsumeAsync(StreamNames.Commands, consumer, HandleCommandAsync, token),
            ConsumeAsync(StreamNames.Signals, consumer, HandleSignalAsync, token),
            LoopAsync(async t => { await engine.WaitForWorkAsync(t); await engine.ManageAsync(t); }, TimeSpan.Zero, token),
            LoopAsync(engine.ReconcileAsync, _options.ReconcileInterval, token),
            LoopAsync(engine.SnapshotEquityAsync, _options.EquitySnapshotInterval, token),
            _options.UsePrivateStream ? pushes.RunAsync(token) : Task.Delay(Timeout.InfiniteTimeSpan, clock, token),
        ];
        var first = await Task.WhenAny(loops);
        await leased.CancelAsync();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Expected: the loops end by cancellation.
        }

        await first;
    }

    private async Task WatchLeaseAsync(CancellationTokenSource leased)
    {
        while (!leased.IsCancellationRequested)
        {
            await Delay(_options.LeaseCheckInterval, leased.Token);
            if (!leased.IsCancellationRequested && !await lease.CheckAsync(leased.Token))
            {
                // Order placement checks the lease itself; this ends the loops too.
                Log.LeaseLost(logger, engine.Account);
                return;
            }
        }
    }

    private async Task ConsumeAsync(string stream, string consumer, Func<MessageEnvelope, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        await using var reader = new RedisStreamConsumer(redis, StreamConsumerOptions.For(stream, ConsumerGroup, consumer));
        await foreach (var message in reader.ReadAsync(cancellationToken))
        {
            if (message.Envelope is null)
            {
                await reader.DeadLetterAsync(message, message.Error ?? "unreadable");
                continue;
            }

            try
            {
                await handle(message.Envelope, cancellationToken);
                await reader.AcknowledgeAsync(message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (JsonException exception)
            {
                // A payload that does not read as its type never will: dead-lettered at once, the stream goes on.
                Log.MessageFailed(logger, stream, message.EntryId, message.DeliveryCount, exception);
                await reader.DeadLetterAsync(message, "payload unreadable: " + exception.Message);
            }
#pragma warning disable CA1031 // One message must not stop the stream: it stays pending and comes back, or is dead-lettered.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.MessageFailed(logger, stream, message.EntryId, message.DeliveryCount, exception);
                if (message.DeliveryCount >= MaxDeliveries)
                {
                    await reader.DeadLetterAsync(message, exception.Message);
                }
            }
        }
    }

    private async Task HandleCommandAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != nameof(EngineCommand))
        {
            return;
        }

        using var activity = MessageTracing.StartConsumerActivity(telemetry.ActivitySource, envelope, "command.handle");
        await engine.HandleCommandAsync(envelope.PayloadAs<EngineCommand>(), envelope.CorrelationId, cancellationToken);
    }

    private async Task HandleSignalAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type != nameof(SignalDetected))
        {
            return;
        }

        using var activity = MessageTracing.StartConsumerActivity(telemetry.ActivitySource, envelope, "signal.process");
        await engine.HandleSignalAsync(envelope.PayloadAs<SignalDetected>(), envelope.CorrelationId, cancellationToken);
    }

    private async Task LoopAsync(Func<CancellationToken, Task> step, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await step(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (venue or database unavailable) is retried on the next one.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.LoopFailed(logger, exception);
                await Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            if (interval > TimeSpan.Zero)
            {
                await Delay(interval, cancellationToken);
            }
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller checks the token.
        }
    }
}
