using BreakoutBot.Data.Presets;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Data.Schema;

/// <summary>
/// The database brought up to date: the EF Core migrations, then the shipped presets as version 1. Only the
/// db-migrator (and test fixtures standing in for it) calls <see cref="MigrateAndSeedAsync"/>; services check
/// <see cref="PendingMigrationsAsync"/> and wait.
/// </summary>
public static class DatabaseSchema
{
    /// <summary>Applies the pending migrations and seeds the shipped presets; answers the migrations it applied. Idempotent.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAndSeedAsync(TradingDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var pending = await PendingMigrationsAsync(database, cancellationToken);
        await database.Database.MigrateAsync(cancellationToken);
        await new PresetStore(database, clock).SeedShippedAsync(cancellationToken);
        return pending;
    }

    /// <summary>The migrations this build knows that the database has not applied yet (empty: the schema is current).</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        return [.. await database.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
