using BreakoutBot.Identity;
using BreakoutBot.Testing;
using BreakoutBot.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Web.Tests;

/// <summary>The Users page's service against real Identity stores in PostgreSQL: what an admin may do, and what is refused.</summary>
public sealed class ConsoleUserAdministrationTests(LocalPostgresServer postgres)
{
    private const string Password = "a-long-enough-password";

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_AddsReRolesUnlocksAndRemovesUsers_ButNeverTheLastAdminOrThemselves()
    {
        var (services, people) = await UsersAsync();
        await using var owned = services;
        var administration = services.GetRequiredService<ConsoleUserAdministration>();

        Assert.Null(await administration.CreateAsync("olga", Password, ConsoleRoles.Operator));
        var olga = Row(await administration.ListAsync(Cancel), "olga");
        Assert.Equal(ConsoleRoles.Operator, olga.Role);
        var admin = Row(await administration.ListAsync(Cancel), "admin");

        Assert.Contains("only admin", await administration.SetRoleAsync(admin.Id, ConsoleRoles.Viewer), StringComparison.Ordinal);
        Assert.Equal("You cannot remove yourself.", await administration.RemoveAsync(admin.Id));
        Assert.Contains("not a role", await administration.SetRoleAsync(olga.Id, "root"), StringComparison.Ordinal);
        Assert.Contains("olga", await administration.CreateAsync("olga", Password, ConsoleRoles.Viewer), StringComparison.Ordinal);
        Assert.Contains("12", await administration.CreateAsync("short", "too-short", ConsoleRoles.Viewer), StringComparison.Ordinal);

        // With a second admin, the first may step down; a lockout is lifted; the new admin removes the old one.
        var stampBefore = await StampAsync(services, "olga");
        Assert.Null(await administration.SetRoleAsync(olga.Id, ConsoleRoles.Admin));
        Assert.NotEqual(stampBefore, await StampAsync(services, "olga"));
        Assert.Null(await administration.SetRoleAsync(admin.Id, ConsoleRoles.Viewer));
        await LockOutAsync(services, "olga");
        Assert.NotNull(Row(await administration.ListAsync(Cancel), "olga").LockedOutUntil);
        Assert.Null(await administration.UnlockAsync(olga.Id));
        var unlocked = Row(await administration.ListAsync(Cancel), "olga");
        Assert.Null(unlocked.LockedOutUntil);
        Assert.Equal(0, unlocked.FailedAttempts);
        people.Person = new ConsolePerson("olga", ConsoleRoles.Admin, null);
        Assert.Null(await administration.RemoveAsync(admin.Id));
        Assert.DoesNotContain(await administration.ListAsync(Cancel), row => row.UserName == "admin");
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAdmin_IsRefusedEveryChange()
    {
        var (services, people) = await UsersAsync();
        await using var owned = services;
        var administration = services.GetRequiredService<ConsoleUserAdministration>();
        var admin = Row(await administration.ListAsync(Cancel), "admin");

        people.Person = new ConsolePerson("olga", ConsoleRoles.Operator, null);

        Assert.Equal("Only an admin manages users.", await administration.CreateAsync("eve", Password, ConsoleRoles.Admin));
        Assert.Equal("Only an admin manages users.", await administration.SetRoleAsync(admin.Id, ConsoleRoles.Viewer));
        Assert.Equal("Only an admin manages users.", await administration.UnlockAsync(admin.Id));
        Assert.Equal("Only an admin manages users.", await administration.RemoveAsync(admin.Id));
        var rows = await administration.ListAsync(Cancel);
        Assert.Equal(["admin"], rows.Select(row => row.UserName));
        Assert.Equal(ConsoleRoles.Admin, rows[0].Role);
    }

    private async Task<(ServiceProvider Services, FixedConsolePeople People)> UsersAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var people = new FixedConsolePeople(new ConsolePerson("admin", ConsoleRoles.Admin, "192.0.2.1"));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow))
            .AddSingleton<IConsolePeople>(people)
            .AddScoped<ConsoleUserAdministration>()
            .AddDbContext<ConsoleIdentityDbContext>(options => options.UseNpgsql(connectionString, ConsoleIdentityDbContext.ConfigureNpgsql));
        services.AddIdentityCore<ConsoleUser>(ConsoleIdentityPolicy.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<ConsoleIdentityDbContext>();
        services.AddSingleton(NullLogger<ConsoleUserAdministration>.Instance);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConsoleIdentityDbContext>().Database.MigrateAsync(Cancel);
        await ConsoleIdentitySeed.EnsureAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), "first-admin-password");
        return (provider, people);
    }

    private static async Task LockOutAsync(ServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        for (var attempt = 0; attempt < ConsoleIdentityPolicy.MaxFailedAttempts; attempt++)
        {
            await users.AccessFailedAsync(user);
        }
    }

    /// <summary>The user's security stamp: sessions issued under another one are signed out at their next check.</summary>
    private static async Task<string?> StampAsync(ServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        return await users.GetSecurityStampAsync((await users.FindByNameAsync(userName))!);
    }

    private static ConsoleUserRow Row(IReadOnlyList<ConsoleUserRow> rows, string userName) => Assert.Single(rows, row => row.UserName == userName);
}
