using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Registers and maps the simulated venue's WebSocket streams (Bybit's paths) and their fault endpoints.</summary>
public static class StreamsExtensions
{
    public const string PublicPath = "/v5/public/linear";
    public const string PrivatePath = "/v5/private";

    public static IServiceCollection AddSimulatorStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorStreamOptions>()
            .Bind(configuration.GetSection(SimulatorStreamOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WebSocketFaults>();
        services.AddSingleton<StreamConnectionRegistry>();
        services.AddSingleton(provider => new PublicStreamHub(
            provider.GetRequiredService<IPublicTopics>(),
            provider.GetRequiredService<WebSocketFaults>(),
            provider.GetRequiredService<StreamConnectionRegistry>(),
            provider.GetRequiredService<IOptions<SimulatorStreamOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PublicStreamHub>>()));
        services.AddSingleton(provider => new PrivateStreamHub(
            provider.GetRequiredService<Trading.SimulatedExchange>(),
            provider.GetRequiredService<WebSocketFaults>(),
            provider.GetRequiredService<StreamConnectionRegistry>(),
            provider.GetRequiredService<IOptions<SimulatorStreamOptions>>(),
            provider.GetRequiredService<IOptions<SimulatorOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PrivateStreamHub>>()));
        services.AddHostedService(provider => provider.GetRequiredService<PublicStreamHub>());
        return services;
    }

    public static WebApplication MapSimulatorStreams(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.Map(PublicPath, (HttpContext context, PublicStreamHub hub) => hub.HandleAsync(context));
        app.Map(PrivatePath, (HttpContext context, PrivateStreamHub hub) => hub.HandleAsync(context));
        // Its own switch, else the REST faults' switch (Simulator:Faults:Enabled), else on everywhere but Production.
        var faultsEnabled = app.Services.GetRequiredService<IOptions<SimulatorStreamOptions>>().Value.FaultsEnabled
            ?? app.Configuration.GetValue<bool?>("Simulator:Faults:Enabled")
            ?? !app.Environment.IsProduction();
        if (faultsEnabled)
        {
            app.MapWebSocketFaultsApi();
        }

        return app;
    }
}
