namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>A PostgreSQL server started from local binaries by the <c>run-postgres.sh</c> launcher.</summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string SuperUser = "postgres";

    private readonly List<string> _databaseNames = [];

    public EndpointReference PrimaryEndpoint => field ??= new EndpointReference(this, PrimaryEndpointName);

    public ParameterResource Password { get; } = password;

    public IReadOnlyList<string> DatabaseNames => _databaseNames;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={Password}");

    internal void AddDatabaseName(string databaseName) => _databaseNames.Add(databaseName);
}
