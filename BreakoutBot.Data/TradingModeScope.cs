using BreakoutBot.Domain.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Data;

/// <summary>Opens <see cref="TradingDbContext"/> on one trading mode's books (see <see cref="IModeScoped"/>).</summary>
public static class TradingModeScope
{
    /// <summary>
    /// The mode a context without one stamps on the rows it adds (tools, tests, the migrator's seed). Such a context
    /// reads every mode's rows.
    /// </summary>
    public const string UnscopedDefault = "sim";

    /// <summary>Scopes the context to <paramref name="mode"/>: only its rows are read, and rows added are stamped with it.</summary>
    public static DbContextOptionsBuilder UseTradingMode(this DbContextOptionsBuilder builder, string mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new TradingModeOptionsExtension(mode));
        return builder;
    }

    /// <inheritdoc cref="UseTradingMode(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder<TContext> UseTradingMode<TContext>(this DbContextOptionsBuilder<TContext> builder, string mode)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseTradingMode((DbContextOptionsBuilder)builder, mode);

    /// <summary>
    /// Scopes the context to the mode <c>Trading:Mode</c> names (<paramref name="configuredMode"/>; the default mode when
    /// unset or invalid, which the service's options validation refuses at start anyway).
    /// </summary>
    public static DbContextOptionsBuilder UseConfiguredTradingMode(this DbContextOptionsBuilder builder, string? configuredMode) =>
        builder.UseTradingMode(TradingModeNames.ToName(TradingModeNames.TryParse(configuredMode, out var mode) ? mode : TradingModeNames.Default));

    /// <summary>The mode the options scope a context to, or null when they read every mode.</summary>
    internal static string? ModeOf(DbContextOptions options) => options.FindExtension<TradingModeOptionsExtension>()?.Mode;

    private sealed class TradingModeOptionsExtension(string mode) : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? _info;

        public string Mode { get; } = mode;

        public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services)
        {
            // Nothing to register: the context reads the mode from its options.
        }

        public void Validate(IDbContextOptions options)
        {
            // Any non-empty mode name is valid here; the services validate Trading:Mode at start.
        }

        private sealed class ExtensionInfo(TradingModeOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => $"TradingMode={extension.Mode} ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["BreakoutBot:TradingMode"] = extension.Mode;
        }
    }
}
