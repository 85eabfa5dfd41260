using BreakoutBot.Bybit.Resilience;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Bybit;

/// <summary>Registers the Bybit V5 REST clients as typed HttpClients over the <c>Bybit</c> configuration section.</summary>
public static class BybitServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BybitOptions"/> (validated at start), <see cref="BybitMarketClient"/> and
    /// <see cref="BybitPrivateClient"/>. Both go through <see cref="BybitRetryHandler"/> and
    /// <see cref="BybitRateLimitHandler"/> instead of the generic resilience handler, which would retry an order create
    /// blindly. <c>Bybit:BaseUrl</c> may name a service (<c>http://exchange-sim</c>) for service discovery.
    /// </summary>
    public static IServiceCollection AddBybitClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BybitOptions>()
            .Bind(configuration.GetSection(BybitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new BybitRateLimiter(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new VenueClock(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new RetryJitter(Options(provider).RetrySeed));
        services.TryAddSingleton(provider =>
        {
            var options = Options(provider);
            return options.HasCredentials
                ? new BybitCredentials(options.ApiKey!, options.ApiSecret!)
                : throw new InvalidOperationException("Bybit:ApiKey and Bybit:ApiSecret are required for private endpoints.");
        });

        Resilient(services.AddHttpClient(nameof(BybitMarketClient), Configure))
            .AddTypedClient((http, provider) => new BybitMarketClient(http, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<VenueClock>()));
        Resilient(services.AddHttpClient(nameof(BybitPrivateClient), Configure))
            .AddTypedClient((http, provider) => new BybitPrivateClient(http, provider.GetRequiredService<BybitCredentials>(), provider.GetRequiredService<TimeProvider>())
            {
                RecvWindowMs = Options(provider).RecvWindowMs,
            });
        return services;
    }

    // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out of
    // ConfigureHttpClientDefaults(AddStandardResilienceHandler), which ServiceDefaults applies to every client.
#pragma warning disable EXTEXP0001
    private static IHttpClientBuilder Resilient(IHttpClientBuilder builder) =>
        builder
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(provider => new BybitRetryHandler(
                Options(provider), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<RetryJitter>(), provider.GetRequiredService<ILogger<BybitRetryHandler>>()))
            .AddHttpMessageHandler(provider => new BybitRateLimitHandler(
                provider.GetRequiredService<BybitRateLimiter>(), Options(provider), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<BybitRateLimitHandler>>()));
#pragma warning restore EXTEXP0001

    private static void Configure(IServiceProvider provider, HttpClient http)
    {
        var options = Options(provider);
        http.BaseAddress = new Uri(options.BaseUrl);

        // Attempts have their own limit (AttemptTimeout); the whole call, waits included, gets room for every retry.
        http.Timeout = (options.AttemptTimeout + options.MaxRetryDelay + options.MaxRateLimitWait) * (options.MaxRetryAttempts + 1);
    }

    private static BybitOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<BybitOptions>>().Value;
}
