using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Engine;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Info;
using BreakoutBot.Api.Json;
using BreakoutBot.Api.Market;
using BreakoutBot.Api.OpenApi;
using BreakoutBot.Api.Security;
using BreakoutBot.Data;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Streams;
using Microsoft.AspNetCore.Http.Json;

namespace BreakoutBot.Api;

/// <summary>The Api's registrations: options, PostgreSQL, Redis, security, JSON, errors, events, OpenAPI.</summary>
public static class ApiServiceExtensions
{
    public const string DatabaseConnectionName = TradingDbContext.ConnectionName;
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var api = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<TradingOptions>()
            .Bind(builder.Configuration.GetSection(TradingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DeploymentOptions>()
            .Bind(builder.Configuration.GetSection(DeploymentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = ProblemTypes.ForStatus(status);
            }

            // Never leak exception details outside Development (the handler already omits them; this guards the rest).
            if (!context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                context.ProblemDetails.Extensions.Remove("exception");
            }
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        }

        builder.AddApiSecurity(api);

        // Positions, trades and statistics are those of the deployment's mode only (the X-Trading-Mode header says which).
        builder.AddNpgsqlDbContext<TradingDbContext>(DatabaseConnectionName,
            configureDbContextOptions: options => options.UseConfiguredTradingMode(builder.Configuration[$"{TradingOptions.SectionName}:Mode"]));
        builder.AddRedisClient(RedisConnectionName);
        builder.Services.AddScoped<PresetStore>();
        builder.Services.AddScoped<BacktestRunBook>();
        builder.Services.AddScoped<BacktestDataSetCatalog>();
        builder.Services.AddScoped<EngineStatusReader>();
        builder.Services.AddScoped<EngineCommandSender>();
        builder.Services.AddSingleton<RedisStreamPublisher>();
        builder.Services.AddSingleton<RedisStreamReader>();
        builder.Services.AddSingleton<RedisSnapshots>();
        builder.Services.AddSingleton<EventHistory>();
        builder.Services.AddSingleton<CommandAcknowledgements>();
        builder.Services.AddSingleton<VenueMarketData>();
        var marketDataUrl = api.MarketDataUrl ?? builder.Configuration["Bybit:BaseUrl"] ?? ApiOptions.DefaultMarketDataUrl;
        builder.Services.AddHttpClient(VenueMarketData.HttpClientName, http => http.BaseAddress = new Uri(marketDataUrl));

        builder.Services.AddSignalR().AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<TradingEventsWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<TradingEventsWorker>());
        builder.Services.AddApiDocument();
        return builder;
    }
}
