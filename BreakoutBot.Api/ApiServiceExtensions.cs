using BreakoutBot.Api.Info;
using BreakoutBot.Data;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Api;

/// <summary>The Api's registrations: options, PostgreSQL, Redis.</summary>
public static class ApiServiceExtensions
{
    public const string DatabaseConnectionName = "breakoutdb";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DeploymentOptions>()
            .Bind(builder.Configuration.GetSection(DeploymentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName);
        builder.AddRedisClient(RedisConnectionName);
        return builder;
    }
}
