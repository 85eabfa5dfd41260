using System.Diagnostics.Metrics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Simulator.Api;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Streams;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>Registers and maps the market of the configured <see cref="SimulatorMode"/>: synthetic, or the upstream's relayed.</summary>
public static class MarketSourceExtensions
{
    /// <exception cref="InvalidOperationException"><c>Simulator:Mode</c> is neither Sim nor Paper (the message names the key).</exception>
    public static SimulatorMode AddMarketSource(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetSection(SimulatorOptions.SectionName).GetValue(nameof(SimulatorOptions.Mode), SimulatorMode.Sim);
        if (mode == SimulatorMode.Paper)
        {
            services.AddUpstreamMarket();
        }
        else
        {
            services.AddSingleton<SimulatedMarketFeed>();
            services.AddSingleton<IMarketSource, SyntheticMarketSource>();
            services.AddSingleton<IPublicTopics>(provider => new SyntheticTopics(
                provider.GetRequiredService<SimulatedMarketFeed>(),
                provider.GetRequiredService<FundingSchedule>(),
                provider.GetRequiredService<WebSocketFaults>(),
                provider.GetRequiredService<IOptions<SimulatorStreamOptions>>(),
                provider.GetRequiredService<TimeProvider>()));
        }

        return mode;
    }

    public static WebApplication MapMarketEndpoints(this WebApplication app, SimulatorMode mode)
    {
        if (mode == SimulatorMode.Paper)
        {
            app.MapUpstreamMarketApi();
        }
        else
        {
            MarketApi.MapMarketApi(app);
        }

        return app;
    }

    private static void AddUpstreamMarket(this IServiceCollection services)
    {
        // The service defaults' standard resilience handler retries these idempotent GETs; the base address is
        // validated at start (Simulator:Upstream:RestUrl) before anything asks the upstream.
        services.AddHttpClient(nameof(UpstreamMarketData), (provider, http) => http.BaseAddress = new Uri(Upstream(provider).RestUrl!))
            .AddTypedClient((http, provider) => new BybitMarketClient(http, provider.GetRequiredService<TimeProvider>()));
        services.AddMetrics();
        // Composition root: reconnect jitter to the real venue is meant to differ between processes, so it is not seeded.
#pragma warning disable RS0030
        services.AddSingleton(provider => new BybitPublicStreamClient(
            new BybitStreamOptions { PublicEndpoint = new Uri(Upstream(provider).PublicStream!) },
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BybitPublicStreamClient>>(),
            new BybitStreamMetrics(provider.GetRequiredService<IMeterFactory>().Create(BybitStreamMetrics.MeterName)),
            new Random()));
#pragma warning restore RS0030
        services.AddSingleton<UpstreamMarketData>();
        services.AddSingleton<UpstreamSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<UpstreamMarketData>());
        services.AddHostedService(provider => provider.GetRequiredService<UpstreamSubscriptions>());
        services.AddHostedService<KlineRecorder>();
        services.AddHealthChecks().AddCheck<UpstreamHealthCheck>("upstream");
        services.AddSingleton<IMarketSource, UpstreamMarketSource>();
        services.AddSingleton<IPublicTopics>(provider => new RelayTopics(
            provider.GetRequiredService<UpstreamMarketData>(),
            provider.GetRequiredService<UpstreamSubscriptions>(),
            provider.GetRequiredService<WebSocketFaults>(),
            provider.GetRequiredService<TimeProvider>()));
    }

    private static UpstreamOptions Upstream(IServiceProvider provider) => provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.Upstream;
}
