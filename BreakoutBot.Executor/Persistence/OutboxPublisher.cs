using System.Text.Json;
using BreakoutBot.Data;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace BreakoutBot.Executor.Persistence;

/// <summary>
/// Sends the outbox: unsent rows in order, each published to its stream and then marked sent. A crash between the
/// two sends the row again on restart; consumers drop the duplicate by message id. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so a standby replica never publishes the same row at the same time. An
/// <see cref="EngineStateChanged"/> also refreshes the <c>engine:state</c> key.
/// </summary>
public sealed class OutboxPublisher(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    DatabaseMigrationState migrations,
    TimeProvider clock,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(250);

    /// <summary>Publish soon: something was just committed.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var publisher = new RedisStreamPublisher(redis, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                if (migrations.Completed)
                {
                    sent = await PublishBatchAsync(publisher, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The publisher must outlive a Redis or database hiccup; it retries on the next round.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.OutboxPublishFailed(logger, exception);
            }

            if (sent == 0)
            {
                try
                {
                    await _wake.WaitAsync(IdleWait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> PublishBatchAsync(RedisStreamPublisher publisher, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var rows = await database.Outbox
            .FromSqlRaw("SELECT * FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var envelope = JsonSerializer.Deserialize<MessageEnvelope>(row.EnvelopeJson, MessageJson.Options)!;
            await publisher.PublishEnvelopeAsync(row.Stream, envelope);
            if (envelope.Type == nameof(EngineStateChanged))
            {
                await redis.GetDatabase().StringSetAsync(RedisKeys.EngineState, envelope.Payload.GetRawText());
            }

            row.PublishedAt = clock.GetUtcNow();
        }

        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
