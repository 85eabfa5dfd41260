using System.Security.Claims;
using BreakoutBot.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// A console circuit lives for hours on the identity it started with: every <see cref="RevalidationInterval"/> the
/// person is checked against the user store (still there, same security stamp), so a removed user, or one whose role
/// an admin changed (which renews the stamp), is signed out of open circuits within a minute.
/// </summary>
internal sealed class ConsoleRevalidatingAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.GetUserAsync(authenticationState.User) is not { } user)
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp
            || authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
