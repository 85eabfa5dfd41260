using BreakoutBot.Data;
using BreakoutBot.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Migrator;

public static class MigratorServiceExtensions
{
    public const string DatabaseConnectionName = TradingDbContext.ConnectionName;

    /// <summary>Where the first admin's password comes from (the AppHost's secret parameter <c>console-admin-password</c>).</summary>
    public const string BootstrapAdminPasswordKey = "Console:BootstrapAdminPassword";

    public static IHostApplicationBuilder AddMigratorServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true);
        builder.AddNpgsqlDbContext<ConsoleIdentityDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true,
            options => options.UseNpgsql(ConsoleIdentityDbContext.ConfigureNpgsql));
        builder.Services.AddIdentityCore<ConsoleUser>(ConsoleIdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ConsoleIdentityDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
