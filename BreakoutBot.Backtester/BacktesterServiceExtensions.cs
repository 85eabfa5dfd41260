using BreakoutBot.Backtester.Runs;
using BreakoutBot.Data;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Presets;

namespace BreakoutBot.Backtester;

/// <summary>The backtester's registrations: options, PostgreSQL (the run queue, the presets, the data-set catalog), the workers.</summary>
public static class BacktesterServiceExtensions
{
    public static IHostApplicationBuilder AddBacktesterServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BacktesterOptions>()
            .Bind(builder.Configuration.GetSection(BacktesterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddNpgsqlDbContext<TradingDbContext>(TradingDbContext.ConnectionName);
        services.AddScoped<BacktestRunBook>();
        services.AddScoped<BacktestDataSetCatalog>();
        services.AddScoped<PresetStore>();
        services.AddSingleton<MarketDataSets>();
        services.AddScoped<BacktestExecution>();
        services.AddHostedService<BacktestWorker>();
        services.AddHostedService<DataSetCatalogWorker>();
        return builder;
    }
}
