using System.Diagnostics;
using BreakoutBot.Data;
using BreakoutBot.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BreakoutBot.Executor.Persistence;

/// <summary>
/// The migration step: applies pending EF Core migrations during start-up, before the Executor's other hosted
/// services start, retrying while PostgreSQL is still coming up. Start-up fails if the schema cannot be migrated.
/// </summary>
public sealed class DatabaseMigrationService(
    IServiceScopeFactory scopes,
    DatabaseMigrationState state,
    ServiceTelemetry telemetry,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly ResiliencePipeline RetryWhileStarting = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(exception => exception.IsTransient),
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("database.migrate");
        var started = Stopwatch.GetTimestamp();

        await RetryWhileStarting.ExecuteAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<TradingDbContext>().Database;
            var pending = (await database.GetPendingMigrationsAsync(token)).ToList();
            if (pending.Count > 0 && logger.IsEnabled(LogLevel.Information))
            {
                var names = string.Join(", ", pending);
                Log.ApplyingMigrations(logger, pending.Count, names);
            }

            await database.MigrateAsync(token);
        }, cancellationToken);

        state.MarkCompleted();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.SchemaCurrent(logger, elapsedMs);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
