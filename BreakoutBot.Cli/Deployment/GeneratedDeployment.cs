namespace BreakoutBot.Cli.Deployment;

/// <summary>The generated files and what the operator must know: the parameters to fill in and the notes.</summary>
/// <param name="ToFill">Secrets (and ConfigMaps without a default) the operator must give a value before the pods start.</param>
/// <param name="UriSafeRequired">Parameters used inside URIs, whose values must need no URI encoding.</param>
public sealed record GeneratedDeployment(
    IReadOnlyList<KubernetesFile> Files,
    IReadOnlyList<ManifestParameter> ToFill,
    IReadOnlyCollection<string> UriSafeRequired,
    IReadOnlyList<string> Notes);
