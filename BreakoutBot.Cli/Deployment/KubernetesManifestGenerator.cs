using System.Text.RegularExpressions;
using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Turns an Aspire publish manifest into Kubernetes objects, one file per resource, sorted by name. Everything is
/// built in memory: a problem anywhere fails the whole run before a file is written.
/// </summary>
public static partial class KubernetesManifestGenerator
{
    public const string NamespaceFile = "namespace.yaml";

    public const string KustomizationFile = "kustomization.yaml";

    /// <exception cref="ManifestException">A resource has an unknown type, a bad name, or a value that cannot be resolved.</exception>
    public static GeneratedDeployment Generate(AspireManifest manifest, KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        if (!DnsLabel().IsMatch(options.Namespace))
        {
            throw new ManifestException($"namespace '{options.Namespace}' is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63).");
        }

        var parameters = manifest.Resources.Values
            .Where(resource => resource.IsParameter)
            .ToDictionary(resource => resource.Name, ManifestParameter.From, StringComparer.Ordinal);
        var resolver = new ExpressionResolver(manifest);
        var notes = new List<string>();
        var context = new GenerationContext(manifest, options, resolver, parameters, notes) { Callers = WorkloadReferences.CallersOf(manifest) };

        var files = new List<KubernetesFile>
        {
            new(NamespaceFile, [new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = options.Namespace, Labels = GenerationContext.Labels(options.Namespace) } }]),
        };
        foreach (var resource in manifest.Resources.Values)
        {
            if (resource.IsProject || resource.IsContainer || resource.IsParameter)
            {
                if (!DnsLabel().IsMatch(resource.Name))
                {
                    throw new ManifestException($"resource '{resource.Name}': the name is not a valid Kubernetes name (lower-case letters, digits and '-', starting with a letter, at most 63).");
                }

                if ($"{resource.Name}.yaml" is NamespaceFile or KustomizationFile)
                {
                    throw new ManifestException($"resource '{resource.Name}': its file would overwrite {resource.Name}.yaml of the generator.");
                }
            }

            if (resource.IsProject)
            {
                files.Add(ProjectWorkload.Build(resource, context));
            }
            else if (resource.IsContainer)
            {
                files.Add(ContainerWorkload.Build(resource, context));
            }
            else if (resource.IsParameter)
            {
                files.Add(ParameterObjects.Build(parameters[resource.Name], context));
            }
            else if (resource.IsValue || resource.Type == "annotated.string")
            {
                // Consumed where referenced; resolved here too so that a broken one fails even when unused.
                foreach (var property in new[] { "value", "connectionString" })
                {
                    if (resource.String(property) is { } text)
                    {
                        resolver.Resolve(text, $"resource '{resource.Name}' {property}");
                    }
                }
            }
            else
            {
                throw new ManifestException($"resource '{resource.Name}' has type '{resource.Type}', which deploy k8s does not handle (known: project.v0/v1, container.v0/v1, parameter.v0, value.v0, annotated.string).");
            }
        }

        var toFill = parameters.Values
            .Where(parameter => parameter.Secret || parameter.DefaultValue is null)
            .OrderBy(parameter => parameter.Name, StringComparer.Ordinal)
            .ToList();
        return new GeneratedDeployment(files, toFill, [.. resolver.UriEncodedParameters], notes);
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
