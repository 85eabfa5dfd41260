using BreakoutBot.Bybit;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Data;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Scanner.Engine;
using BreakoutBot.Scanner.Market;
using BreakoutBot.Scanner.Publishing;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Scanner;

/// <summary>The Scanner's registrations: options, the venue (Bybit V5 REST + public stream), Redis, PostgreSQL, the worker.</summary>
public static class ScannerServiceExtensions
{
    public const string RedisConnectionName = "redis";
    public const string DatabaseConnectionName = TradingDbContext.ConnectionName;

    public static IHostApplicationBuilder AddScannerServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ScannerOptions>()
            .Bind(builder.Configuration.GetSection(ScannerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddRedisClient(RedisConnectionName);
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName);
        services.AddBybitClient(builder.Configuration);
        services.AddBybitStreams(builder.Configuration);

        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ScannerOptions>>().Value);
        services.AddSingleton<RedisStreamPublisher>();
        services.AddSingleton<ScannerMetrics>();
        services.AddSingleton<MarketDataStore>();
        services.AddSingleton(provider => new CloseBatcher(
            provider.GetRequiredService<ScannerOptions>().CloseBatchWindow, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MarketStreamPump>();
        services.AddSingleton<BookDensityFeed>();
        services.AddSingleton<EngineStateReader>();
        services.AddSingleton<PresetSource>();
        services.AddSingleton<ScanPublisher>();
        services.AddSingleton<ScanSummaryWriter>();
        services.AddHostedService<ScannerWorker>();
        return builder;
    }
}
