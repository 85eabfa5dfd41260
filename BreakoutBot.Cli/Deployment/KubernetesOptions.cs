namespace BreakoutBot.Cli.Deployment;

/// <summary>What <c>deploy k8s</c> is told besides the manifest: the namespace and where the project images live.</summary>
/// <param name="ImageRegistry">Prefix for the project images (<c>ghcr.io/acme</c>); null for bare repository names.</param>
public sealed record KubernetesOptions(string Namespace = KubernetesOptions.DefaultNamespace, string? ImageRegistry = null, string ImageTag = KubernetesOptions.DefaultImageTag)
{
    public const string DefaultNamespace = "breakoutbot";

    public const string DefaultImageTag = "latest";

    public string ImageFor(string repository) =>
        string.IsNullOrEmpty(ImageRegistry) ? $"{repository}:{ImageTag}" : $"{ImageRegistry.TrimEnd('/')}/{repository}:{ImageTag}";
}
