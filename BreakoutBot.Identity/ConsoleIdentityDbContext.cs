using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Identity;

/// <summary>
/// Console users, roles and their links, in the trading database's <see cref="Schema"/> schema (its migrations and
/// history table live there too). Only the db-migrator changes the schema; the console reads and writes users.
/// </summary>
public sealed class ConsoleIdentityDbContext(DbContextOptions<ConsoleIdentityDbContext> options) : IdentityDbContext<ConsoleUser, IdentityRole, string>(options)
{
    public const string Schema = "identity";

    /// <summary>Npgsql options every registration of this context uses: migrations and their history in <see cref="Schema"/>.</summary>
    public static void ConfigureNpgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql)
    {
        ArgumentNullException.ThrowIfNull(npgsql);
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
    }
}
