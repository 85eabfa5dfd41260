using System.Diagnostics;
using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using BreakoutBot.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BreakoutBot.Migrator;

/// <summary>
/// The db-migrator's one run: applies the EF Core migrations and seeds the shipped presets, retrying while PostgreSQL
/// is still coming up, then exits: 0 when the database is current, 1 when it could not be brought there (the reason
/// is logged). The AppHost starts the services only after it completed; in Kubernetes it is a Job.
/// </summary>
public static class MigrationRun
{
    private static readonly ResiliencePipeline RetryWhileStarting = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(exception => exception.IsTransient),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BreakoutBot.Migrator");
        var clock = host.Services.GetRequiredService<TimeProvider>();
        await host.StartAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var applied = await RetryWhileStarting.ExecuteAsync(async token =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                return await DatabaseSchema.MigrateAndSeedAsync(scope.ServiceProvider.GetRequiredService<TradingDbContext>(), clock, token);
            }, cancellationToken);
            var users = await RetryWhileStarting.ExecuteAsync(
                async token => await MigrateConsoleUsersAsync(host, token), cancellationToken);
            Log.ConsoleUsers(logger, users);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var names = applied.Count == 0 ? "none" : string.Join(", ", applied);
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.DatabaseCurrent(logger, applied.Count, names, elapsedMs);
            }

            return 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.MigrationFailed(logger, exception);
            return 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The console's users and roles (schema <c>identity</c>), and on the first run the first admin.</summary>
    private static async Task<string> MigrateConsoleUsersAsync(IHost host, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConsoleIdentityDbContext>().Database.MigrateAsync(cancellationToken);
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        return await ConsoleIdentitySeed.EnsureAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            configuration[MigratorServiceExtensions.BootstrapAdminPasswordKey]);
    }
}
