using System.Text.RegularExpressions;
using BreakoutBot.Cli.Deployment;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot deploy k8s --manifest aspire-manifest.json --output deploy/k8s [--namespace n] [--image-registry r]
/// [--image-tag t]</c>: Kubernetes YAML from the Aspire publish manifest. Exit code 0 when written, 1 when the manifest
/// or the output is unusable (nothing is written then), 2 for a usage problem.
/// </summary>
public static partial class DeployK8sCommand
{
    private const string Name = "breakoutbot deploy k8s";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ParsedArguments parsed;
        try
        {
            parsed = ParsedArguments.Parse(args);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"{Name}: {exception.Message}");
            return CliApplication.UsageError;
        }

        var options = parsed.Options.ToDictionary(StringComparer.Ordinal);
        var unknown = options.Keys.Except(["manifest", "output", "namespace", "image-registry", "image-tag"], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (parsed.Positionals.Count > 0 || unknown.Count > 0)
        {
            var what = parsed.Positionals.Count > 0 ? $"unexpected '{parsed.Positionals[0]}'" : $"unknown option --{unknown[0]}";
            error.WriteLine($"{Name}: {what}; usage: {Name} --manifest <aspire-manifest.json> --output <dir> [--namespace <name>] [--image-registry <prefix>] [--image-tag <tag>].");
            return CliApplication.UsageError;
        }

        if (!options.TryGetValue("manifest", out var manifestPath) || !options.TryGetValue("output", out var outputPath))
        {
            error.WriteLine($"{Name}: --manifest <aspire-manifest.json> and --output <dir> are required.");
            return CliApplication.UsageError;
        }

        var kubernetesOptions = new KubernetesOptions(
            options.GetValueOrDefault("namespace", KubernetesOptions.DefaultNamespace),
            options.GetValueOrDefault("image-registry"),
            options.GetValueOrDefault("image-tag", KubernetesOptions.DefaultImageTag));
        if (!ImageTag().IsMatch(kubernetesOptions.ImageTag))
        {
            error.WriteLine($"{Name}: --image-tag '{kubernetesOptions.ImageTag}' is not a valid image tag.");
            return CliApplication.UsageError;
        }

        if (!File.Exists(manifestPath))
        {
            error.WriteLine($"{Name}: the manifest {manifestPath} does not exist (write it with: dotnet run --project BreakoutBot.AppHost -- --publisher manifest --output-path <file>).");
            return CliApplication.Failure;
        }

        GeneratedDeployment deployment;
        IReadOnlyList<KeyValuePair<string, string>> files;
        try
        {
            deployment = KubernetesManifestGenerator.Generate(AspireManifest.Load(manifestPath), kubernetesOptions);
            files = KubernetesYamlRenderer.Render(deployment, kubernetesOptions);
        }
        catch (ManifestException exception)
        {
            error.WriteLine($"{Name}: {manifestPath}: {exception.Message} Nothing was written.");
            return CliApplication.Failure;
        }

        try
        {
            DeploymentDirectory.Replace(outputPath, files);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Name}: cannot write {outputPath}: {exception.Message}");
            return CliApplication.Failure;
        }

        output.WriteLine($"wrote {files.Count} files to {outputPath}: {string.Join(' ', files.Select(file => file.Key))}");
        WriteOperatorSteps(output, deployment, kubernetesOptions.Namespace);
        return CliApplication.Success;
    }

    private static void WriteOperatorSteps(TextWriter output, GeneratedDeployment deployment, string @namespace)
    {
        if (deployment.ToFill.Count > 0)
        {
            output.WriteLine($"to fill before the pods can start (key '{ManifestParameter.ValueKey}'; the generated objects hold no value):");
            foreach (var parameter in deployment.ToFill)
            {
                var kind = parameter.Secret ? "secret" : "configmap";
                var hint = parameter.GeneratedByDefault ? " (Aspire generates it locally: any long random string)" : string.Empty;
                var uri = deployment.UriSafeRequired.Contains(parameter.Name) ? " (used inside URIs: letters and digits only)" : string.Empty;
                output.WriteLine($"  {kind} {parameter.Name}{hint}{uri}");
            }

            var example = deployment.ToFill[0];
            output.WriteLine($"  e.g. kubectl -n {@namespace} patch {(example.Secret ? "secret" : "configmap")} {example.Name} --type merge -p '{{\"{(example.Secret ? "stringData" : "data")}\":{{\"{ManifestParameter.ValueKey}\":\"...\"}}}}'");
        }

        foreach (var note in deployment.Notes)
        {
            output.WriteLine($"note: {note}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTag();
}
