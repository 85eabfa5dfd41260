using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// Paper mode is ready once the upstream's instruments have been loaded: until then no symbol is known, so services
/// that wait for the simulator (the AppHost's <c>WaitFor</c>) wait for the upstream too.
/// </summary>
public sealed class UpstreamHealthCheck(UpstreamMarketData upstream) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(upstream.Instruments.Count > 0
            ? HealthCheckResult.Healthy($"{upstream.Instruments.Count} instruments from the upstream")
            : HealthCheckResult.Unhealthy("the upstream's instruments have not been loaded yet"));
}
