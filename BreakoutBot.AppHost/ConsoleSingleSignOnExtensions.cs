namespace BreakoutBot.AppHost;

/// <summary>
/// Hands the AppHost's <c>Console:Oidc:*</c> settings to the console, when an OpenID Connect provider is configured
/// (<c>Console:Oidc:Authority</c>): issuer, client id, button name and role claim as settings, the client secret as the
/// secret parameter <c>console-oidc-client-secret</c> (user-secrets or the deployment's secret store; never a plain
/// setting). Without an authority nothing is added, so the default application and its manifests are unchanged.
/// </summary>
public static class ConsoleSingleSignOnExtensions
{
    private static readonly string[] Keys = ["Authority", "ClientId", "DisplayName", "RoleClaim"];

    public static IResourceBuilder<ProjectResource> WithConsoleSingleSignOn(this IResourceBuilder<ProjectResource> web, IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(web);
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration["Console:Oidc:Authority"] is not { Length: > 0 })
        {
            return web;
        }

        foreach (var key in Keys)
        {
            if (builder.Configuration[$"Console:Oidc:{key}"] is { Length: > 0 } value)
            {
                web = web.WithEnvironment($"Console__Oidc__{key}", value);
            }
        }

        var clientSecret = builder.AddParameter("console-oidc-client-secret", secret: true);
        return web.WithEnvironment("Console__Oidc__ClientSecret", clientSecret);
    }
}
