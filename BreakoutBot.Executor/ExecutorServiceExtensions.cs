using BreakoutBot.Bybit;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Data;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Hosting;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Executor.Venue;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Executor;

/// <summary>The Executor's registrations: options, the database (migrated before anything else runs), Redis, the venue and the engine.</summary>
public static class ExecutorServiceExtensions
{
    public const string DatabaseConnectionName = TradingDbContext.ConnectionName;
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddExecutorServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ExecutorTradingOptions>().Bind(builder.Configuration.GetSection(TradingOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<ExecutorOptions>()
            .Bind(builder.Configuration.GetSection(ExecutorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The outbox publisher and the lease use transactions and sessions of their own; EF's retrying strategy
        // would refuse user transactions, so transient failures are retried by the loops instead.
        // The executor reads and writes only its mode's books (sim never mixes with a real account's).
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true,
            options => options.UseConfiguredTradingMode(builder.Configuration[$"{TradingOptions.SectionName}:Mode"]));
        builder.AddRedisClient(RedisConnectionName);
        builder.Services.AddBybitClient(builder.Configuration);
        builder.Services.AddBybitStreams(builder.Configuration);
        builder.Services.AddSingleton<PrivateStreamDrive>();
        builder.Services.AddSingleton<IVenue, BybitVenue>();
        builder.Services.AddSingleton<VenueFacts>();
        builder.Services.AddSingleton<OrderRouter>();
        builder.Services.AddSingleton<Reconciler>();
        builder.Services.AddSingleton<FundingBook>();
        builder.Services.AddSingleton<TradeBook>();
        builder.Services.AddSingleton<ExposureClock>();

        // The db-migrator migrates; the Executor waits until the schema is current before the engine and the outbox
        // touch it (they wait on DatabaseMigrationState).
        builder.Services.AddSingleton<DatabaseMigrationState>();
        builder.Services.AddHostedService<SchemaWaitService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseMigrationHealthCheck>("database-migrations");

        var connectionString = builder.Configuration.GetConnectionString(DatabaseConnectionName);
        builder.Services.AddSingleton(provider => new AccountLease(
            connectionString ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} is required by the account lease."),
            provider.GetRequiredService<IOptions<ExecutorOptions>>().Value.Account));
        builder.Services.AddSingleton<ExecutorMetrics>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OutboxPublisher>());
        builder.Services.AddSingleton<TradingEngine>();
        builder.Services.AddHostedService<ExecutorWorker>();
        return builder;
    }
}
