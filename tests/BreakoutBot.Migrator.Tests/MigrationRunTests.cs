using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using BreakoutBot.Identity;
using BreakoutBot.ServiceDefaults;
using BreakoutBot.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Migrator.Tests;

/// <summary>The db-migrator as the AppHost and the Kubernetes Job run it: the real host against a real PostgreSQL.</summary>
public sealed class MigrationRunTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task FreshDatabase_MigratedAndSeeded_ExitsZero_AndASecondRunChangesNothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        Assert.Equal(0, await RunAsync(connectionString));
        await using (var database = Open(connectionString))
        {
            Assert.Empty(await DatabaseSchema.PendingMigrationsAsync(database, TestContext.Current.CancellationToken));
            Assert.Equal(ShippedPresets.All().Select(preset => preset.Name).Order(), await database.PresetVersions.Select(preset => preset.Name).OrderBy(name => name).ToListAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(0, await RunAsync(connectionString));
        await using (var database = Open(connectionString))
        {
            Assert.Equal(ShippedPresets.All().Count, await database.PresetVersions.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task FirstRun_CreatesTheFirstAdminWithThePasswordGiven_LaterRunsNeverChangeIt()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        Assert.Equal(0, await RunAsync(connectionString, "--Console:BootstrapAdminPassword=first-admin-password-0123"));
        Assert.Equal(0, await RunAsync(connectionString, "--Console:BootstrapAdminPassword=another-password-45678"));

        await using var users = OpenUsers(connectionString);
        var admin = Assert.Single(await users.Users.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("admin", admin.UserName);
        var hasher = new PasswordHasher<ConsoleUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, "first-admin-password-0123"));
        Assert.NotEqual(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, "another-password-45678"));
        var roles = await users.Roles.Select(role => role.Name).OrderBy(name => name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["admin", "operator", "viewer"], roles);
        var adminRole = await users.Roles.SingleAsync(role => role.Name == "admin", TestContext.Current.CancellationToken);
        Assert.Single(await users.UserRoles.Where(link => link.UserId == admin.Id && link.RoleId == adminRole.Id).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BootstrapPasswordTooShort_ExitsOne_AndCreatesNoUser()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        Assert.Equal(1, await RunAsync(connectionString, "--Console:BootstrapAdminPassword=short"));

        await using var users = OpenUsers(connectionString);
        Assert.Empty(await users.Users.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RoleThePostgresServerRefuses_ExitsOne_WithoutTouchingTheDatabase()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var refused = new NpgsqlConnectionStringBuilder(connectionString) { Username = "no_such_role", Password = "x" }.ConnectionString;

        Assert.Equal(1, await RunAsync(refused));
        await using var database = Open(connectionString);
        Assert.NotEmpty(await DatabaseSchema.PendingMigrationsAsync(database, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PresetVersionStoredWithFieldsTheSchemaDropped_IsStrippedByTheMigration_AndLoadsAgain()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var shipped = ShippedPresets.All().Single(preset => preset.Name == "breakout_v1");
        var old = System.Text.Json.Nodes.JsonNode.Parse(shipped.Json)!.AsObject();
        old["signal_config"]!["prelevel_limit_offset_bps"] = 2.0;
        old["levels_rules"]!["approach_slope_max_pct_per_bar"] = 1.5;
        old["levels_rules"]!["prebreakout_consolidation_min_bars"] = 3;
        await using (var database = Open(connectionString))
        {
            // The schema as it was before the fields were dropped, with a version stored then.
            await database.Database.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261207110439_BacktestRuns", TestContext.Current.CancellationToken);
            database.PresetVersions.Add(new() { Name = "breakout_v1", Version = 1, Json = old.ToJsonString(), CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "test" });
            await database.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(PresetLoader.Load(old.ToJsonString(), "breakout_v1.json").IsValid);
        Assert.Equal(0, await RunAsync(connectionString));

        await using (var database = Open(connectionString))
        {
            var stored = await database.PresetVersions.SingleAsync(preset => preset.Name == "breakout_v1" && preset.Version == 1, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("prelevel_limit_offset_bps", stored.Json, StringComparison.Ordinal);
            Assert.DoesNotContain("approach_slope_max_pct_per_bar", stored.Json, StringComparison.Ordinal);
            Assert.True(PresetLoader.Load(stored.Json, "breakout_v1.json").IsValid);
        }
    }

    private static async Task<int> RunAsync(string connectionString, params string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(["--ConnectionStrings:breakoutdb=" + connectionString, "--Logging:LogLevel:Default=Warning", .. settings]);
        builder.AddServiceDefaults();
        builder.AddMigratorServices();
        using var host = builder.Build();
        return await MigrationRun.RunAsync(host, TestContext.Current.CancellationToken);
    }

    private static TradingDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(connectionString).Options);

    private static ConsoleIdentityDbContext OpenUsers(string connectionString) =>
        new(new DbContextOptionsBuilder<ConsoleIdentityDbContext>().UseNpgsql(connectionString, ConsoleIdentityDbContext.ConfigureNpgsql).Options);
}
