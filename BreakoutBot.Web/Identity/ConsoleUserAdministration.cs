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
            rows.Add(new ConsoleUserRow(user.Id, user.UserName ?? "", ConsoleRoles.All.LastOrDefault(roles.Contains) ?? "none", lockedUntil, user.AccessFailedCount));
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
        if (!created.Succeeded)
        {
            return Describe(created);
        }

        var granted = await users.AddToRoleAsync(user, role);
        Log.UserAdministered(logger, admin.Name, "created with role " + role, user.UserName);
        return granted.Succeeded ? null : Describe(granted);
    }

    public async Task<string?> SetRoleAsync(string userId, string role)
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
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "No such user (removed meanwhile?).";
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(ConsoleRoles.Admin) && role != ConsoleRoles.Admin && (await users.GetUsersInRoleAsync(ConsoleRoles.Admin)).Count <= 1)
        {
            return $"{user.UserName} is the only admin: make another user admin first.";
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        Log.UserAdministered(logger, admin.Name, "role set to " + role, user.UserName ?? userId);
        return added.Succeeded ? null : Describe(added);
    }

    public async Task<string?> UnlockAsync(string userId)
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

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        var reset = unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        Log.UserAdministered(logger, admin.Name, "lockout lifted", user.UserName ?? userId);
        return reset.Succeeded ? null : Describe(reset);
    }

    public async Task<string?> RemoveAsync(string userId)
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

        if (user.UserName == admin.Name)
        {
            return "You cannot remove yourself.";
        }

        if ((await users.GetRolesAsync(user)).Contains(ConsoleRoles.Admin) && (await users.GetUsersInRoleAsync(ConsoleRoles.Admin)).Count <= 1)
        {
            return $"{user.UserName} is the only admin.";
        }

        var deleted = await users.DeleteAsync(user);
        Log.UserAdministered(logger, admin.Name, "removed", user.UserName ?? userId);
        return deleted.Succeeded ? null : Describe(deleted);
    }

    private const string AdminsOnly = "Only an admin manages users.";

    /// <summary>The person asking when they are an admin; null otherwise.</summary>
    private async Task<ConsolePerson?> AdminAsync() => await people.CurrentAsync() is { } person && person.May(ConsoleRoles.Admin) ? person : null;

    private static UserManager<ConsoleUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(error => error.Description));
}
