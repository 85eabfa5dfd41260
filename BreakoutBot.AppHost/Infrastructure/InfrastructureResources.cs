namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>
/// The two infrastructure resources services reference, whichever way they are run; <paramref name="RedisFor"/> gives a
/// service role's own Redis connection (its ACL user, <see cref="RedisAccess"/>) in both modes.
/// </summary>
public sealed record InfrastructureResources(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    InfrastructureDecision Decision,
    Func<RedisRole, ReferenceExpression> RedisFor);
