using Aspire.Hosting.ApplicationModel;
using Npgsql;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.IntegrationTests;

public class ExecutorTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task DbMigrator_RanToCompletionBeforeTheServices_SchemaAndShippedPresetsInBreakoutDb()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var migrator = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "db-migrator", resource => KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text), cancellation);
        Assert.Equal((KnownResourceStates.Finished, 0), (migrator.Snapshot.State?.Text, migrator.Snapshot.ExitCode));

        // The services that use the database started only after the migrator finished.
        var stoppedAt = migrator.Snapshot.StopTimeStamp;
        Assert.NotNull(stoppedAt);
        foreach (var service in (string[])["executor", "scanner", "api"])
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(service, out var running) && running.Snapshot.StartTimeStamp >= stoppedAt,
                $"{service} started after the db-migrator finished");
        }

        var connectionString = await fixture.App.GetConnectionStringAsync("breakoutdb", cancellation);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);

        await using var migrations = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""", connection);
        var applied = new List<string>();
        await using (var reader = await migrations.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                applied.Add(reader.GetString(0));
            }
        }

        await using var table = new NpgsqlCommand("SELECT to_regclass('public.audit_log') IS NOT NULL", connection);
        await using var presets = new NpgsqlCommand("SELECT count(*) FROM preset_versions WHERE created_by = 'shipped'", connection);
        Assert.Contains(applied, id => id.EndsWith("_InitialSchema", StringComparison.Ordinal));
        Assert.True((bool)(await table.ExecuteScalarAsync(cancellation))!);
        Assert.Equal(ShippedPresets.All().Count, (long)(await presets.ExecuteScalarAsync(cancellation))!);
    }

    [Fact]
    public async Task Health_IncludesMigrationDatabaseAndRedisChecks()
    {
        using var client = fixture.App.CreateHttpClient("executor");

        using var health = await client.GetJsonAsync("/health");

        var names = health.RootElement.GetProperty("checks").EnumerateArray().Select(check => check.GetProperty("name").GetString()).ToList();
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Contains("database-migrations", names);
        Assert.Contains("TradingDbContext", names);
        Assert.Contains("StackExchange.Redis", names);
    }
}
