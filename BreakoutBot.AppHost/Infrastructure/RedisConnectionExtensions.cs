namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>How a service reaches Redis.</summary>
public static class RedisConnectionExtensions
{
    /// <summary>
    /// Gives <paramref name="service"/> Redis as <paramref name="role"/> (its own ACL user; never the admin password) and
    /// waits for it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRedisAs(this IResourceBuilder<ProjectResource> service, InfrastructureResources infrastructure, RedisRole role)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(infrastructure);
        return service.WithEnvironment("ConnectionStrings__redis", infrastructure.RedisFor(role)).WaitFor(infrastructure.Redis);
    }
}
