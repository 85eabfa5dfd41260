using Microsoft.AspNetCore.Identity;

namespace BreakoutBot.Identity;

/// <summary>
/// First run: the roles exist, and while no user exists the first admin (<see cref="BootstrapAdminName"/>) is created
/// with the password the deployment gives (the AppHost's secret parameter <c>console-admin-password</c>). Once any
/// user exists nothing is created or changed, so a later password change is never undone.
/// </summary>
public static class ConsoleIdentitySeed
{
    public const string BootstrapAdminName = "admin";

    /// <summary>What was done, for the log (never the password).</summary>
    /// <exception cref="InvalidOperationException">A role or the first admin could not be created (the reasons are named).</exception>
    public static async Task<string> EnsureAsync(UserManager<ConsoleUser> users, RoleManager<IdentityRole> roles, string? bootstrapPassword)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in ConsoleRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role '{role}'");
            }
        }

        if (users.Users.Any())
        {
            return "users exist: none created";
        }

        if (string.IsNullOrEmpty(bootstrapPassword))
        {
            return "no users and no Console:BootstrapAdminPassword: nobody can sign in to the console until one is given";
        }

        var admin = new ConsoleUser { UserName = BootstrapAdminName };
        Check(await users.CreateAsync(admin, bootstrapPassword), $"the first admin '{BootstrapAdminName}' (from Console:BootstrapAdminPassword)");
        Check(await users.AddToRoleAsync(admin, ConsoleRoles.Admin), $"the admin role for '{BootstrapAdminName}'");
        return $"first admin '{BootstrapAdminName}' created";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"could not create {what}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
