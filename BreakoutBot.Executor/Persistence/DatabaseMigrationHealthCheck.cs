using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.Executor.Persistence;

/// <summary>Not ready until the db-migrator has brought the schema to what this build expects; says what is missing.</summary>
public sealed class DatabaseMigrationHealthCheck(DatabaseMigrationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy("Schema is up to date.")
            : HealthCheckResult.Unhealthy("Waiting for the database schema: " + state.WaitingFor));
}
