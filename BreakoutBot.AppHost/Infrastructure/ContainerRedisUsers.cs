namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>
/// The role users of <see cref="RedisAccess"/> for the Redis container (Containers mode, and so the published manifest
/// and the Kubernetes objects made from it): each role's password is a generated secret parameter, given to the
/// container as an environment variable, and each role's <c>user</c> directive is appended to the container's
/// <c>redis-server</c> command (Redis takes any configuration directive on its command line).
/// </summary>
public static class ContainerRedisUsers
{
    /// <summary>Adds a user per <see cref="RedisRole"/> to <paramref name="redis"/>; returns each role's password parameter.</summary>
    public static IReadOnlyDictionary<RedisRole, ParameterResource> WithRoleUsers(this IResourceBuilder<RedisResource> redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var builder = redis.ApplicationBuilder;
        var passwords = Enum.GetValues<RedisRole>().ToDictionary(role => role, role => builder.AddResource(
            ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{redis.Resource.Name}-{RedisAccess.UserOf(role)}-password", special: false)).Resource);
        foreach (var (role, password) in passwords)
        {
            redis.WithEnvironment(PasswordVariable(role), password);
        }

        // Aspire's own callback has put "-c" and the redis-server command by now (the container runs /bin/sh); the user
        // directives go at the end of that command.
        redis.WithArgs(context =>
        {
            var last = context.Args.Count - 1;
            if (last < 0 || context.Args[last] is not string command || !command.StartsWith("redis-server ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the Redis container's command is not the 'redis-server ...' string this AppHost extends");
            }

            context.Args[last] = command + " " + CommandLine();
        });
        return passwords;
    }

    /// <summary>The container's environment variable holding the password of <paramref name="role"/>.</summary>
    public static string PasswordVariable(RedisRole role) => $"REDIS_{role.ToString().ToUpperInvariant()}_PASSWORD";

    /// <summary>
    /// The <c>--user</c> options for every role, for <c>/bin/sh -c</c>: the password expanded from the role's variable,
    /// each rule a single-quoted word (rules hold <c>~</c>, <c>&amp;</c>, <c>|</c> and parentheses the shell must not read).
    /// </summary>
    public static string CommandLine() => string.Join(' ', Enum.GetValues<RedisRole>().Select(role =>
        $"--user {RedisAccess.UserOf(role)} on \">${PasswordVariable(role)}\" " + string.Join(' ', RedisAccess.RuleWordsOf(role).Select(rule => $"'{rule}'"))));

    /// <summary>The connection string of <paramref name="role"/>: its own user and password, no admin rights.</summary>
    public static ReferenceExpression ConnectionStringFor(RedisResource redis, IReadOnlyDictionary<RedisRole, ParameterResource> passwords, RedisRole role)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(passwords);
        return ReferenceExpression.Create(
            $"{redis.PrimaryEndpoint.Property(EndpointProperty.Host)}:{redis.PrimaryEndpoint.Property(EndpointProperty.Port)},user={RedisAccess.UserOf(role)},password={passwords[role]}{RedisAccess.ClientOptions}");
    }
}
