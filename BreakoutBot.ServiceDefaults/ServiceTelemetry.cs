using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BreakoutBot.ServiceDefaults;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of a service, both named after the service
/// (its application name, e.g. <c>BreakoutBot.Executor</c>) and registered with OpenTelemetry by
/// <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>.
/// </summary>
public sealed class ServiceTelemetry : IDisposable
{
    public ServiceTelemetry(string serviceName, string? serviceVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ServiceName = serviceName;
        ActivitySource = new ActivitySource(serviceName, serviceVersion);
        Meter = new Meter(serviceName, serviceVersion);
    }

    public string ServiceName { get; }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
