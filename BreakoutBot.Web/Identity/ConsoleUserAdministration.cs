using BreakoutBot.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// What an admin does to console users: list, create with a role, change a role, lift a lockout, remove. Each call
/// checks again that the person asking is an admin (the page's policy is not the only guard), runs in a scope of its
/// own (a circuit lives for hours), and keeps at least one admin. Answers null when done, else why not.
/// </summary>
public sealed class ConsoleUserAdministration(IServiceScopeFactory scopes, IConsolePeople people, TimeProvider clock, ILogger<ConsoleUserAdministration> logger)
{
    public async Task<IReadOnlyList<ConsoleUserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var rows = new List<ConsoleUserRow>();
        foreach (var user in await users.Users.OrderBy(user => user.UserName).ToListAsync(cancellationToken))
        {
            var roles = await users.GetRolesAsync(user);
            var lockedUntil = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
            rows.Add(new ConsoleUserRow(user.Id, user.UserName ?? "", ConsoleRoles.HighestOf(roles.Contains) ?? "none", lockedUntil, user.AccessFailedCount));
        }

        return rows;
    }

    public async Task<string?> CreateAsync(string userName, string password, string role)
    {
        if (await AdminAsync() is not { } admin)
        {
            return AdminsOnly;
        }

        if (!ConsoleRoles.IsRole(role))
        {
            return $"'{role}' is not a role: choose {string.Join(", ", ConsoleRoles.All)}.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = new ConsoleUser { UserName = userName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (Describe(created) is { } refusal)
        {
            return refusal;
        }

        var granted = await users.AddToRoleAsync(user, role);
        Log.UserAdministered(logger, admin.Name, "created with role " + role, user.UserName);
        return Describe(granted);
    }

    public Task<string?> SetRoleAsync(string userId, string role) =>
        !ConsoleRoles.IsRole(role)
            ? Task.FromResult<string?>($"'{role}' is not a role: choose {string.Join(", ", ConsoleRoles.All)}.")
            : ChangeAsync(userId, "role set to " + role, async (users, user, _) =>
            {
                var current = await users.GetRolesAsync(user);
                if (current.Contains(ConsoleRoles.Admin) && role != ConsoleRoles.Admin && await IsOnlyAdminAsync(users))
                {
                    return $"{user.UserName} is the only admin: make another user admin first.";
                }

                var removed = await users.RemoveFromRolesAsync(user, current);
                var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;

                // A new stamp: the person's open sessions are checked again within a minute and take the new role.
                return Describe(added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added);
            });

    public Task<string?> UnlockAsync(string userId) =>
        ChangeAsync(userId, "lockout lifted", async (users, user, _) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return Describe(unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked);
        });

    public Task<string?> RemoveAsync(string userId) =>
        ChangeAsync(userId, "removed", async (users, user, admin) =>
            user.UserName == admin.Name ? "You cannot remove yourself."
            : (await users.GetRolesAsync(user)).Contains(ConsoleRoles.Admin) && await IsOnlyAdminAsync(users) ? $"{user.UserName} is the only admin."
            : Describe(await users.DeleteAsync(user)));

    /// <summary>
    /// Applies <paramref name="apply"/> (null when done, else why not) to one user, for an admin only, in a scope of its
    /// own; a change that was made is logged with the admin's name.
    /// </summary>
    private async Task<string?> ChangeAsync(string userId, string change, Func<UserManager<ConsoleUser>, ConsoleUser, ConsolePerson, Task<string?>> apply)
    {
        if (await AdminAsync() is not { } admin)
        {
            return AdminsOnly;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "No such user (removed meanwhile?).";
        }

        var refusal = await apply(users, user, admin);
        if (refusal is null)
        {
            Log.UserAdministered(logger, admin.Name, change, user.UserName ?? userId);
        }

        return refusal;
    }

    private static async Task<bool> IsOnlyAdminAsync(UserManager<ConsoleUser> users) => (await users.GetUsersInRoleAsync(ConsoleRoles.Admin)).Count <= 1;

    private const string AdminsOnly = "Only an admin manages users.";

    /// <summary>The person asking when they are an admin; null otherwise.</summary>
    private async Task<ConsolePerson?> AdminAsync() => await people.CurrentAsync() is { } person && person.May(ConsoleRoles.Admin) ? person : null;

    private static UserManager<ConsoleUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

    /// <summary>Null when <paramref name="result"/> succeeded, else its errors in one line.</summary>
    private static string? Describe(IdentityResult result) => result.Succeeded ? null : string.Join(" ", result.Errors.Select(error => error.Description));
}
