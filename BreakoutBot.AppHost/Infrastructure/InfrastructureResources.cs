namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>The two infrastructure resources services reference, whichever way they are run.</summary>
public sealed record InfrastructureResources(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    InfrastructureDecision Decision);
