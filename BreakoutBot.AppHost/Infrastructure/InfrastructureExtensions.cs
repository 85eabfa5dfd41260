using BreakoutBot.AppHost.Infrastructure.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>Adds <c>postgres</c> (with <c>breakoutdb</c>) and <c>redis</c> in the configured infrastructure mode.</summary>
public static class InfrastructureExtensions
{
    public const string PostgresName = "postgres";
    public const string DatabaseName = "breakoutdb";
    public const string RedisName = "redis";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="InfrastructureConfigurationException">The configuration is invalid or Local mode lacks binaries.</exception>
    public static InfrastructureResources AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var runningAsRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        var settings = InfrastructureSettings.FromConfiguration(builder.Configuration, runningAsRoot);
        var probe = new ContainerRuntimeProbe(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"], ProbeTimeout);
        var decision = InfrastructureModeResolver.Resolve(settings.Mode, builder.ExecutionContext.IsPublishMode, probe);

        builder.Eventing.Subscribe<BeforeStartEvent>((beforeStart, _) =>
        {
            var logger = beforeStart.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BreakoutBot.AppHost.Infrastructure");
            Log.InfrastructureModeChosen(logger, decision.Mode, decision.Reason);
            if (decision.Mode == InfrastructureMode.Local)
            {
                Log.LocalDataDirectory(logger, settings.DataDirectory);
            }

            return Task.CompletedTask;
        });

        if (decision.Mode == InfrastructureMode.Containers)
        {
            var postgres = builder.AddPostgres(PostgresName).WithDataVolume();
            var redis = builder.AddRedis(RedisName).WithDataVolume().WithPersistence();
            var rolePasswords = redis.WithRoleUsers();
            return new InfrastructureResources(AsConnectionString(postgres.AddDatabase(DatabaseName)), AsConnectionString(redis), decision,
                role => ContainerRedisUsers.ConnectionStringFor(redis.Resource, rolePasswords, role));
        }

        var binaries = LocalBinaries.Locate(settings, runningAsRoot);
        var localPostgres = builder.AddLocalPostgres(PostgresName, settings, binaries);
        var localRedis = builder.AddLocalRedis(RedisName, settings, binaries);
        return new InfrastructureResources(AsConnectionString(localPostgres.AddDatabase(DatabaseName)), AsConnectionString(localRedis), decision, localRedis.Resource.ConnectionStringFor);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(IResourceBuilder<T> resource)
        where T : IResourceWithConnectionString => (IResourceBuilder<IResourceWithConnectionString>)resource;
}
