namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>How a service reaches Redis.</summary>
public static class RedisConnectionExtensions
{
    /// <summary>Gives <paramref name="service"/> Redis as <paramref name="role"/>: its own ACL user where there is one, and waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithRedisAs(this IResourceBuilder<ProjectResource> service, InfrastructureResources infrastructure, RedisRole role)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(infrastructure);
        return (infrastructure.RedisFor is { } connectionFor
            ? service.WithEnvironment("ConnectionStrings__redis", connectionFor(role))
            : service.WithReference(infrastructure.Redis)).WaitFor(infrastructure.Redis);
    }
}
