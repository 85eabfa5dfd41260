using BreakoutBot.Data;

namespace BreakoutBot.Migrator;

public static class MigratorServiceExtensions
{
    public const string DatabaseConnectionName = TradingDbContext.ConnectionName;

    public static IHostApplicationBuilder AddMigratorServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
