using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>PostgreSQL and Redis as executable resources from locally installed binaries.</summary>
public static class LocalInfrastructureExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, InfrastructureSettings settings, LocalBinaries binaries)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(binaries);

        var root = Path.Combine(settings.DataDirectory, name);
        Directory.CreateDirectory(root);
        var passwordFile = Path.Combine(root, "password");
        var password = builder.AddParameter($"{name}-password", LocalSecretFile.ReadOrCreate(passwordFile), secret: true);
        var launcher = PostgresLauncherScript.Write(settings.DataDirectory);

        var server = new LocalPostgresServerResource(name, binaries.BashPath, settings.DataDirectory, password.Resource);
        var healthCheckKey = $"{name}-connect";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresDatabaseHealthCheck(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithArgs(launcher)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", env: "PGPORT")
            .WithEnvironment("BB_PG_BIN", binaries.PostgresBinDirectory)
            .WithEnvironment("BB_PG_ROOT", root)
            .WithEnvironment("BB_PG_PASSWORD_FILE", passwordFile)
            .WithEnvironment("BB_PG_OS_USER", settings.PostgresOsUser)
            .WithEnvironment("BB_PG_EPHEMERAL", settings.EphemeralStorage ? "true" : "false")
            .WithEnvironment(context => context.EnvironmentVariables["BB_PG_DATABASES"] = string.Join(' ', server.DatabaseNames))
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        databaseName ??= name;
        server.Resource.AddDatabaseName(databaseName);

        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);
        var healthCheckKey = $"{name}-connect";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresDatabaseHealthCheck(database), failureStatus: null, tags: null));

        // The database has no process of its own: it is running once its server is ready (the launcher has
        // created it by then), and its own health check confirms it accepts connections.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (readyEvent, _) =>
        {
            var notifications = readyEvent.Services.GetRequiredService<ResourceNotificationService>();
            var startedAt = (readyEvent.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = startedAt,
            });
        });

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new ResourcePropertySnapshot(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, InfrastructureSettings settings, LocalBinaries binaries)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(binaries);

        var root = Path.Combine(settings.DataDirectory, name);
        Directory.CreateDirectory(root);
        var passwordValue = LocalSecretFile.ReadOrCreate(Path.Combine(root, "password"));
        var password = builder.AddParameter($"{name}-password", passwordValue, secret: true);
        var roleValues = Enum.GetValues<RedisRole>().ToDictionary(role => role, role => LocalSecretFile.ReadOrCreate(Path.Combine(root, RedisAccess.UserOf(role) + "-password")));
        var rolePasswords = roleValues.ToDictionary(pair => pair.Key, pair => builder.AddParameter($"{name}-{RedisAccess.UserOf(pair.Key)}-password", pair.Value, secret: true).Resource);
        var configFile = WriteRedisConfig(root, passwordValue, role => roleValues[role], settings.EphemeralStorage);

        var redis = new LocalRedisResource(name, binaries.RedisServerPath, root, password.Resource, rolePasswords);
        var healthCheckKey = $"{name}-ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingHealthCheck(redis), failureStatus: null, tags: null));

        // The password lives in the configuration file, not on the command line, where any process could read it.
        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static string WriteRedisConfig(string root, string password, Func<RedisRole, string> rolePassword, bool ephemeral)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var persistence = ephemeral
            ? "appendonly no\nsave \"\"\n"
            : "appendonly yes\nappendfsync everysec\nsave \"\"\n";
        var config = $"""
            bind 127.0.0.1
            protected-mode yes
            daemonize no
            dir {data}
            requirepass {password}
            {persistence}
            """ + "\n" + RedisAccess.ConfigLines(rolePassword);
        var path = Path.Combine(root, "redis.conf");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(config);
        return path;
    }
}
