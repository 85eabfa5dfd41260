using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Scanner;

/// <summary>The Scanner's registrations: options and the Redis connection it publishes to.</summary>
public static class ScannerServiceExtensions
{
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddScannerServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddRedisClient(RedisConnectionName);
        return builder;
    }
}
