using System.Text;
using BreakoutBot.Data.Audit;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Engine;
using BreakoutBot.Data.Outbox;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Scanning;
using BreakoutBot.Data.Security;
using BreakoutBot.Data.Trading;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Data;

/// <summary>
/// PostgreSQL, the system of record. The schema is changed only through migrations (see <c>Migrations/</c>),
/// which the Executor applies at start-up.
/// </summary>
public sealed class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options)
{
    /// <summary>The connection every service and the db-migrator read the database by (the AppHost's reference name).</summary>
    public const string ConnectionName = "breakoutdb";

    /// <summary>The trading mode whose books this context reads and writes, or null for every mode's (see <see cref="IModeScoped"/>).</summary>
    public string? TradingMode { get; } = TradingModeScope.ModeOf(options);

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<SignalRecord> Signals => Set<SignalRecord>();

    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    public DbSet<FillRecord> Fills => Set<FillRecord>();

    public DbSet<PositionRecord> Positions => Set<PositionRecord>();

    public DbSet<TradeRecord> Trades => Set<TradeRecord>();

    public DbSet<FundingPaymentRecord> FundingPayments => Set<FundingPaymentRecord>();

    public DbSet<DriftRecord> Drifts => Set<DriftRecord>();

    public DbSet<EngineSessionRecord> EngineSessions => Set<EngineSessionRecord>();

    public DbSet<EngineStateRecord> EngineStates => Set<EngineStateRecord>();

    public DbSet<RiskStateRecord> RiskStates => Set<RiskStateRecord>();

    public DbSet<EquitySnapshotRecord> EquitySnapshots => Set<EquitySnapshotRecord>();

    public DbSet<PresetVersionRecord> PresetVersions => Set<PresetVersionRecord>();

    public DbSet<ScanSummaryRecord> ScanSummaries => Set<ScanSummaryRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<BacktestRunRecord> BacktestRuns => Set<BacktestRunRecord>();

    public DbSet<BacktestDataSetRecord> BacktestDataSets => Set<BacktestDataSetRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
        ScopeByMode<SignalRecord>(modelBuilder);
        ScopeByMode<OrderRecord>(modelBuilder);
        ScopeByMode<FillRecord>(modelBuilder);
        ScopeByMode<PositionRecord>(modelBuilder);
        ScopeByMode<TradeRecord>(modelBuilder);
        ScopeByMode<FundingPaymentRecord>(modelBuilder);
        ScopeByMode<DriftRecord>(modelBuilder);
        ScopeByMode<EquitySnapshotRecord>(modelBuilder);
        ScopeByMode<EngineSessionRecord>(modelBuilder);
        ApplyStorageConventions(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampMode();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampMode();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A mode's rows only, when the context has a mode (the value is read per context, not baked into the model).</summary>
    private void ScopeByMode<TRow>(ModelBuilder modelBuilder)
        where TRow : class, IModeScoped
    {
        modelBuilder.Entity<TRow>().Property(row => row.Mode).HasMaxLength(16);
        modelBuilder.Entity<TRow>().HasQueryFilter(row => TradingMode == null || row.Mode == TradingMode);
    }

    /// <summary>Rows added without a mode belong to this context's mode; a row of another mode is never written through it.</summary>
    private void StampMode()
    {
        foreach (var entry in ChangeTracker.Entries<IModeScoped>())
        {
            if (entry.State == EntityState.Added && string.IsNullOrEmpty(entry.Entity.Mode))
            {
                entry.Entity.Mode = TradingMode ?? TradingModeScope.UnscopedDefault;
            }
            else if (TradingMode is not null && entry.State is EntityState.Added or EntityState.Modified && entry.Entity.Mode != TradingMode)
            {
                throw new InvalidOperationException(
                    $"a {entry.Entity.GetType().Name} of mode '{entry.Entity.Mode}' cannot be written by a context of mode '{TradingMode}'");
            }
        }
    }

    /// <summary>
    /// Columns in snake_case (unless named explicitly), enums stored by name (readable, and reordering an enum cannot corrupt rows), money and
    /// quantities as unbounded <c>numeric</c> so decimals round-trip exactly.
    /// </summary>
    private static void ApplyStorageConventions(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(SnakeCase(property.Name));
                }

                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum)
                {
                    property.SetProviderClrType(typeof(string));
                    property.SetMaxLength(32);
                }
                else if (type == typeof(decimal))
                {
                    property.SetColumnType("numeric");
                }
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsUpper(character) && index > 0 && !char.IsUpper(name[index - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }
}
