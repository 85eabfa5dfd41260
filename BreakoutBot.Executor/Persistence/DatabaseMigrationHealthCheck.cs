using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.Executor.Persistence;

/// <summary>Not ready until the database schema has been migrated.</summary>
public sealed class DatabaseMigrationHealthCheck(DatabaseMigrationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy("Schema is up to date.")
            : HealthCheckResult.Unhealthy("Schema migration has not finished."));
}
