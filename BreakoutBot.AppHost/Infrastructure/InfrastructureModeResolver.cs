namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>The mode actually used and why, for the start-up log.</summary>
public sealed record InfrastructureDecision(InfrastructureMode Mode, string Reason);

/// <summary>Turns the configured <see cref="InfrastructureMode"/> into Containers or Local.</summary>
public static class InfrastructureModeResolver
{
    public static InfrastructureDecision Resolve(InfrastructureMode requested, bool isPublishMode, IContainerRuntimeProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);

        if (isPublishMode)
        {
            return new InfrastructureDecision(InfrastructureMode.Containers, "publishing: deployment targets run PostgreSQL and Redis as containers");
        }

        switch (requested)
        {
            case InfrastructureMode.Containers:
                return new InfrastructureDecision(InfrastructureMode.Containers, "Infrastructure:Mode is Containers");
            case InfrastructureMode.Local:
                return new InfrastructureDecision(InfrastructureMode.Local, "Infrastructure:Mode is Local");
            case InfrastructureMode.Auto:
                var status = probe.Probe();
                return status.IsHealthy
                    ? new InfrastructureDecision(InfrastructureMode.Containers, $"Infrastructure:Mode is Auto and a container runtime is healthy ({status.Description})")
                    : new InfrastructureDecision(InfrastructureMode.Local, $"Infrastructure:Mode is Auto and no container runtime is healthy ({status.Description})");
            default:
                throw new InfrastructureConfigurationException($"Infrastructure:Mode '{requested}' is not valid.");
        }
    }
}
