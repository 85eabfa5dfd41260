namespace BreakoutBot.Cli.Deployment;

/// <summary>What every resource's translation shares: the manifest, the options, the resolver, the parameters and the notes for the operator.</summary>
public sealed record GenerationContext(
    AspireManifest Manifest,
    KubernetesOptions Options,
    ExpressionResolver Resolver,
    IReadOnlyDictionary<string, ManifestParameter> Parameters,
    ICollection<string> Notes)
{
    public const string NameLabel = "app.kubernetes.io/name";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string ManagedBy = "breakoutbot-cli";

    /// <summary>Workload name → the workloads that reference it (<see cref="WorkloadReferences"/>), for its NetworkPolicy.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Callers { get; init; } = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

    public static Dictionary<string, string> Selector(string resource) => new(StringComparer.Ordinal) { [NameLabel] = resource };

    public static Dictionary<string, string> Labels(string resource) =>
        new(StringComparer.Ordinal) { [NameLabel] = resource, [ManagedByLabel] = ManagedBy };

    public k8s.Models.V1ObjectMeta Metadata(string name) =>
        new() { Name = name, NamespaceProperty = Options.Namespace, Labels = Labels(name) };

    /// <summary>The resource's <c>env</c>, resolved; a variable that needs a binding the cluster does not serve is left out with a note.</summary>
    public ContainerEnvironment EnvironmentOf(ManifestResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var environment = new ContainerEnvironment(Parameters);
        foreach (var (name, expression) in resource.StringMap("env"))
        {
            var value = Resolver.Resolve(expression, $"resource '{resource.Name}' env {name}");
            if (value.UnservedBinding is { } unserved)
            {
                Notes.Add($"{resource.Name}: env {name} left out: {unserved} has no listener in the cluster (pods serve plain HTTP; put TLS in an ingress).");
                continue;
            }

            environment.Add(name, value);
        }

        return environment;
    }
}
