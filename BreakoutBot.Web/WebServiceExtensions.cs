using BreakoutBot.Web.ApiClients;
using BreakoutBot.Web.Live;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Web;

/// <summary>The console's registrations: Blazor (interactive server), the typed Api client with the console's key, live events.</summary>
public static class WebServiceExtensions
{
    /// <summary>Resolved through service discovery: the AppHost's <c>api</c> resource, HTTPS preferred.</summary>
    public static readonly Uri ApiBaseAddress = new("https+http://api");

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOptions<WebApiOptions>().BindConfiguration(WebApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTransient<ApiKeyHandler>();
        // Commands (kill, close 25 %) must never be sent twice: no retry for POST/PUT; and an attempt outlasts the
        // Api's wait for the Executor's acknowledgement (Api:CommandTimeout, 10 s).
        // RemoveAllResilienceHandlers is experimental; it is the documented way to replace the service defaults' handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<BreakoutBotApiClient>((services, client) =>
                client.BaseAddress = services.GetRequiredService<IOptions<WebApiOptions>>().Value.BaseAddress)
            .AddHttpMessageHandler<ApiKeyHandler>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                options.Retry.MaxRetryAttempts = 1;
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(35);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ILiveEvents, HubLiveEvents>();
        return builder;
    }

    /// <summary>The trade journal's CSV, fetched from the Api with the console's key and handed to the browser as a download.</summary>
    public static WebApplication MapTradeExport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/export/trades.csv", async (BreakoutBotApiClient api, string? symbol, string? direction, string? exitReason, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        {
            var result = await api.TradesCsvAsync(new TradeFilter(symbol, direction, exitReason, from, to), cancellationToken);
            return result.Succeeded
                ? Results.File(result.Value, "text/csv; charset=utf-8", "trades.csv")
                : Results.Problem(title: result.Problem.Title, detail: result.Problem.Summary, statusCode: result.Problem.Status ?? StatusCodes.Status502BadGateway);
        });
        return app;
    }

    /// <summary>
    /// A finished backtest's HTML report, fetched from the Api and shown in its own tab: it is a document, never an
    /// application, so it is sandboxed (no script, no network, no form) whatever it contains.
    /// </summary>
    public static WebApplication MapBacktestReport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/export/backtests/{id:guid}/report.html", async (HttpContext context, BreakoutBotApiClient api, Guid id, CancellationToken cancellationToken) =>
        {
            var result = await api.BacktestReportAsync(id, cancellationToken);
            if (!result.Succeeded)
            {
                return Results.Problem(title: result.Problem.Title, detail: result.Problem.Summary, statusCode: result.Problem.Status ?? StatusCodes.Status502BadGateway);
            }

            context.Response.Headers.ContentSecurityPolicy = BacktestReportPolicy;
            return Results.Content(result.Value, "text/html; charset=utf-8");
        });
        return app;
    }

    /// <summary>The report's content security policy: its own inline styles and SVG, nothing else.</summary>
    public const string BacktestReportPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    public static void WarnWhenNoApiKey(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<WebApiOptions>>().Value.HasKey)
        {
            Log.NoApiKey(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BreakoutBot.Web"));
        }
    }
}
