using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using Npgsql;

namespace BreakoutBot.Executor.Persistence;

/// <summary>
/// Waits until the db-migrator has brought the database to the schema this build expects: the engine and the outbox
/// start only then, and meanwhile readiness says what is missing (<see cref="DatabaseMigrationHealthCheck"/>). The
/// Executor never migrates, so a standby replica or a rolling update cannot race a migration.
/// </summary>
public sealed class SchemaWaitService(
    IServiceScopeFactory scopes,
    DatabaseMigrationState state,
    TimeProvider clock,
    ILogger<SchemaWaitService> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reportedAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var missing = await MissingAsync(stoppingToken);
            if (missing is null)
            {
                state.MarkCompleted();
                Log.SchemaCurrent(logger);
                return;
            }

            state.Wait(missing);
            if (clock.GetUtcNow() - reportedAt >= ReportInterval)
            {
                Log.WaitingForSchema(logger, missing);
                reportedAt = clock.GetUtcNow();
            }

            await Task.Delay(PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>What keeps the schema from being current, or null when it is.</summary>
    private async Task<string?> MissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pending = await DatabaseSchema.PendingMigrationsAsync(scope.ServiceProvider.GetRequiredService<TradingDbContext>(), cancellationToken);
            return pending.Count == 0 ? null : $"{pending.Count} migration(s) not applied yet ({string.Join(", ", pending)}); the db-migrator applies them";
        }
        catch (NpgsqlException exception)
        {
            return $"the database is not reachable yet: {exception.Message}";
        }
    }
}
