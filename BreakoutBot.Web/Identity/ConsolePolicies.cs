using BreakoutBot.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// Authorization for the console: every page and endpoint needs a signed-in person with a console role (the fallback
/// policy; the login page, static files and health probes opt out), and <see cref="Administer"/> pages need the admin role.
/// </summary>
public static class ConsolePolicies
{
    public const string Administer = "console-admin";

    public static void Configure(AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(ConsoleRoles.All).Build())
            .AddPolicy(Administer, policy => policy.RequireRole(ConsoleRoles.Admin));
    }
}
