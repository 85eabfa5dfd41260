using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BreakoutBot.ServiceDefaults;

/// <summary>Traces, metrics and logs over OTLP, including the service's own <see cref="ServiceTelemetry"/>.</summary>
public static class TelemetryExtensions
{
    /// <summary>Instruments of the shared libraries (the Bybit client's stream metrics), exported by every service using them.</summary>
    private const string SharedLibraryMeterName = "BreakoutBot.Bybit";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var serviceName = builder.Environment.ApplicationName;
        var serviceVersion = Assembly.GetEntryAssembly()?.GetName().Version?.ToString();
        builder.Services.AddSingleton(new ServiceTelemetry(serviceName, serviceVersion));

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(serviceName)
                .AddMeter(SharedLibraryMeterName))
            .WithTracing(tracing => tracing
                .AddSource(serviceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // Probes run every few seconds; tracing them would bury the interesting spans.
                    aspNetCore.Filter = context => !HealthEndpointExtensions.IsProbePath(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
