using BreakoutBot.Simulator.Api;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Faults;

/// <summary>Wires per-account rate limits and (when enabled) fault injection into the simulator's request pipeline.</summary>
public static class FaultsExtensions
{
    public static IServiceCollection AddVenueLimitsAndFaults(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Bound at start, so a value of the wrong type stops the simulator naming the key instead of failing later.
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddOptions<FaultOptions>().Bind(configuration.GetSection(FaultOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<AccountRateLimiter>();
        services.AddSingleton<FaultInjector>();
        return services;
    }

    /// <summary>Faults first (an injected 10006 or 5xx never reaches the venue or its limits), then the limits.</summary>
    public static WebApplication UseVenueLimitsAndFaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<FaultOptions>>().Value.Enabled)
        {
            app.UseMiddleware<FaultInjectionMiddleware>();
            app.MapFaultsApi();
        }

        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
