using System.Text.Json.Serialization;
using BreakoutBot.ServiceDefaults;
using BreakoutBot.Simulator.Api;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Streams;
using BreakoutBot.Simulator.Trading;
using BreakoutBot.Simulator.Upstream;

namespace BreakoutBot.Simulator;

/// <summary>Builds the simulator's web application (also used by tests to start it on a real loopback port).</summary>
public static class SimulatorApplication
{
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        // Test-control bodies name their enums (e.g. "kind": "Stop"); Bybit's own bodies carry no enum values.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOptions<SimulatorOptions>()
            .Bind(builder.Configuration.GetSection(SimulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<FundingSchedule>();
        builder.Services.AddOptions<LatencyOptions>().Bind(builder.Configuration.GetSection(LatencyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LatencyModel>();
        var mode = builder.Services.AddMarketSource(builder.Configuration);
        builder.Services.AddSingleton<SimulatedExchange>();
        builder.Services.AddHostedService<VenueHeartbeat>();
        builder.Services.AddSingleton<SignedRequestFilter>();
        builder.Services.AddSimulatorStreams(builder.Configuration);
        builder.Services.AddVenueLimitsAndFaults(builder.Configuration);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseVenueLimitsAndFaults();
        app.UseMiddleware<LatencyMiddleware>();
        app.MapMarketEndpoints(mode);
        app.MapAccountApi();
        app.MapAccountSetupApi();
        app.MapAccountModeApi();
        app.MapOrderApi();
        app.MapPositionApi();
        app.MapSimulatorStreams();
        return app;
    }
}
