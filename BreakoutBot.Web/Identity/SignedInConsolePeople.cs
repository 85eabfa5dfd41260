using System.Security.Claims;
using BreakoutBot.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// The person from the Blazor circuit's authentication state, or (outside a circuit: the CSV export endpoint) from the
/// HTTP request. The role is the most powerful of the person's role claims.
/// </summary>
public sealed class SignedInConsolePeople(AuthenticationStateProvider authentication, IHttpContextAccessor http) : IConsolePeople
{
    public async Task<ConsolePerson?> CurrentAsync()
    {
        ClaimsPrincipal user;
        string? address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        try
        {
            user = (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Not rendering a component: the request's own user.
            user = http.HttpContext?.User ?? new ClaimsPrincipal();
        }

        if (user.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return null;
        }

        var role = ConsoleRoles.HighestOf(user.IsInRole);
        return role is null ? null : new ConsolePerson(name, role, address);
    }
}
