namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>
/// A <c>redis-server</c> started from the local binary with a generated configuration file: the default user with the
/// admin password (its connection string), and one ACL user per service role (<see cref="RedisAccess"/>).
/// </summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, ParameterResource password, IReadOnlyDictionary<RedisRole, ParameterResource> rolePasswords)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new EndpointReference(this, PrimaryEndpointName);

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");

    /// <summary>The connection string of a service role's own user.</summary>
    public ReferenceExpression ConnectionStringFor(RedisRole role) => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},user={RedisAccess.UserOf(role)},password={rolePasswords[role]}{RedisAccess.ClientOptions}");
}
