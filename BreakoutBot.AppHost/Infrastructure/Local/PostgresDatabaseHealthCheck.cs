using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>Healthy when a fresh connection to the database opens and answers <c>SELECT 1</c>.</summary>
public sealed class PostgresDatabaseHealthCheck(IResourceWithConnectionString database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await database.GetConnectionStringAsync(cancellationToken)
                ?? throw new InvalidOperationException($"'{database.Name}' has no connection string yet.");
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"'{database.Name}' is not accepting connections yet.", exception);
        }
    }
}
