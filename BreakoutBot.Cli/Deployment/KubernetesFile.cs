using k8s;

namespace BreakoutBot.Cli.Deployment;

/// <summary>One output file: the objects of one manifest resource (or the namespace), in the order they are written.</summary>
/// <param name="ReplicasComment">Written above the Deployment's <c>replicas:</c> line, to say why it is what it is.</param>
public sealed record KubernetesFile(string Name, IReadOnlyList<IKubernetesObject> Objects, string? ReplicasComment = null);
