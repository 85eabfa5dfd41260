namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>How PostgreSQL and Redis are run (<c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers healthily, otherwise Local.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and Redis container resources (Docker or Podman). Always used when publishing.</summary>
    Containers,

    /// <summary>Locally installed <c>postgres</c> and <c>redis-server</c> run as executable resources.</summary>
    Local,
}
