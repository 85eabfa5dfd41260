using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// A <c>parameter.v0</c> resource: a secret one becomes a Secret without data (the operator fills key <c>value</c>;
/// nothing from the manifest, not even a default, is written), any other a ConfigMap with the manifest's default.
/// </summary>
public static class ParameterObjects
{
    public const string FillAnnotation = "breakoutbot/fill";

    public static KubernetesFile Build(ManifestParameter parameter, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Metadata(parameter.Name);
        if (parameter.Secret)
        {
            metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FillAnnotation] = $"set data key '{ManifestParameter.ValueKey}' (see deploy/README.md); the pods that use it wait until it exists",
            };
            return new KubernetesFile($"{parameter.Name}.yaml", [new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = metadata, Type = "Opaque" }]);
        }

        if (parameter.DefaultValue is null)
        {
            metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FillAnnotation] = $"set data key '{ManifestParameter.ValueKey}'; the manifest has no default",
            };
        }

        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = metadata,
            Data = parameter.DefaultValue is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [ManifestParameter.ValueKey] = parameter.DefaultValue },
        };
        return new KubernetesFile($"{parameter.Name}.yaml", [configMap]);
    }
}
