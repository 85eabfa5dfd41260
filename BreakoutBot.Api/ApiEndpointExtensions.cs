using BreakoutBot.Api.Audit;
using BreakoutBot.Api.Backtests;
using BreakoutBot.Api.Engine;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Info;
using BreakoutBot.Api.Market;
using BreakoutBot.Api.OpenApi;
using BreakoutBot.Api.Performance;
using BreakoutBot.Api.Presets;
using BreakoutBot.Api.Scanner;
using BreakoutBot.Api.Security;
using BreakoutBot.Api.Trading;
using BreakoutBot.Domain.Trading;
using BreakoutBot.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api;

/// <summary>The Api's request pipeline and endpoint groups, in order.</summary>
public static class ApiEndpointExtensions
{
    /// <summary>The response header naming the trading mode whose data the Api serves.</summary>
    public const string TradingModeHeader = "X-Trading-Mode";

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every answer says whose books it shows: the Api reads the deployment's trading mode only.
        var mode = TradingModeNames.ToName(app.Services.GetRequiredService<IOptions<TradingOptions>>().Value.ParsedMode);
        app.Use((context, next) =>
        {
            context.Response.Headers[TradingModeHeader] = mode;
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        var keys = app.Services.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>().Get(ApiKeyDefaults.Scheme).Keys;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpointExtensions).Namespace!);
        if (keys.Count == 0)
        {
            Log.NoApiKeys(logger);
        }
        else
        {
            Log.ApiKeysConfigured(logger, string.Join(", ", keys.Keys.Order(StringComparer.Ordinal)));
        }

        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapApiDocument();
        app.MapInfoApi();
        app.MapEngineApi();
        app.MapPresetsApi();
        app.MapBacktestsApi();
        app.MapScannerApi();
        app.MapTradingApi();
        app.MapPerformanceApi();
        app.MapMarketApi();
        app.MapAuditApi();
        app.MapApiKeysApi();
        app.MapEventsApi();
        return app;
    }
}
