using System.Diagnostics.Metrics;
using BreakoutBot.Bybit.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>Registers the Bybit WebSocket clients over the <c>Bybit:Streams</c> configuration section.</summary>
public static class BybitStreamServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BybitStreamOptions"/> (validated at start), <see cref="BybitStreamMetrics"/> on a meter named
    /// <see cref="BybitStreamMetrics.MeterName"/>, <see cref="IMarketDataFeed"/> (<see cref="BybitPublicStreamClient"/>)
    /// and <see cref="BybitPrivateStreamClient"/>, which takes the <see cref="BybitCredentials"/> that
    /// <c>AddBybitClient</c> registers. Nothing connects until the first subscribe or start.
    /// </summary>
    public static IServiceCollection AddBybitStreams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BybitStreamOptions>()
            .Bind(configuration.GetSection(BybitStreamOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new BybitStreamMetrics(provider.GetRequiredService<IMeterFactory>().Create(BybitStreamMetrics.MeterName)));
        // Composition root: reconnect jitter is meant to differ between processes, so it is not seeded.
#pragma warning disable RS0030
        services.TryAddSingleton<IMarketDataFeed>(provider => new BybitPublicStreamClient(
            provider.GetRequiredService<IOptions<BybitStreamOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BybitPublicStreamClient>>(),
            provider.GetRequiredService<BybitStreamMetrics>(),
            new Random()));
        services.TryAddSingleton(provider => new BybitPrivateStreamClient(
            provider.GetRequiredService<IOptions<BybitStreamOptions>>().Value,
            provider.GetRequiredService<BybitCredentials>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BybitPrivateStreamClient>>(),
            provider.GetRequiredService<BybitStreamMetrics>(),
            new Random()));
#pragma warning restore RS0030
        return services;
    }
}
