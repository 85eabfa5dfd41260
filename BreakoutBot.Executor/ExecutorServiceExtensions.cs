using BreakoutBot.Data;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Persistence;

namespace BreakoutBot.Executor;

/// <summary>The Executor's registrations: options, the database (migrated before anything else runs) and Redis.</summary>
public static class ExecutorServiceExtensions
{
    public const string DatabaseConnectionName = "breakoutdb";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddExecutorServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName);
        builder.AddRedisClient(RedisConnectionName);

        // Registered before every other hosted service: hosted services start in order, so nothing touches the
        // schema before it is current.
        builder.Services.AddSingleton<DatabaseMigrationState>();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseMigrationHealthCheck>("database-migrations");
        return builder;
    }
}
