using BreakoutBot.Data;

namespace BreakoutBot.Migrator;

public static class MigratorServiceExtensions
{
    /// <summary>The connection every service reads the database by (an Aspire reference named so).</summary>
    public const string DatabaseConnectionName = "breakoutdb";

    public static IHostApplicationBuilder AddMigratorServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
