using BreakoutBot.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Data;

/// <summary>
/// PostgreSQL, the system of record. The schema is changed only through migrations (see <c>Migrations/</c>),
/// which the Executor applies at start-up.
/// </summary>
public sealed class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options)
{
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
    }
}
