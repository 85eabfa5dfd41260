using System.Text.Json;
using k8s;
using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// A <c>container.v0/v1</c> resource (PostgreSQL, Redis): a StatefulSet with one PersistentVolumeClaim per declared
/// volume or bind mount, and a ClusterIP Service.
/// </summary>
public static class ContainerWorkload
{
    /// <summary>Requested size of each volume claim; edit the YAML (or the claim) for more.</summary>
    public const string VolumeSize = "10Gi";

    /// <summary>
    /// Volumes are mounted from a sub-directory of the claim: a fresh filesystem's <c>lost+found</c> would otherwise
    /// make a database's first start refuse a non-empty data directory.
    /// </summary>
    public const string VolumeSubPath = "data";

    /// <exception cref="ManifestException">No image, a Dockerfile build, a bad volume, or an unresolvable value.</exception>
    public static KubernetesFile Build(ManifestResource resource, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Body.TryGetProperty("build", out _))
        {
            throw new ManifestException($"resource '{resource.Name}' ({resource.Type}) is built from a Dockerfile; push that image and use it as an image resource instead.");
        }

        var image = resource.String("image") ?? throw new ManifestException($"resource '{resource.Name}' ({resource.Type}) has no 'image'.");
        var endpoints = ClusterService.ServedEndpoints(resource, context);
        var environment = context.EnvironmentOf(resource);
        var entrypoint = resource.String("entrypoint");
        var args = resource.StringArray("args").Select((arg, index) =>
        {
            var value = context.Resolver.Resolve(arg, $"resource '{resource.Name}' args[{index}]");
            return value.UnservedBinding is { } unserved
                ? throw new ManifestException($"resource '{resource.Name}' args[{index}]: {unserved} has no listener in the cluster.")
                : environment.Expand(value);
        }).ToList();
        var mounts = Mounts(resource);

        var container = new V1Container
        {
            Name = resource.Name,
            Image = image,
            Command = entrypoint is null ? null : [entrypoint],
            Args = args.Count == 0 ? null : args,
            Ports = endpoints.Count == 0 ? null : ClusterService.ContainerPorts(endpoints),
            Env = environment.ToList(),
            VolumeMounts = mounts.Count == 0 ? null : [.. mounts.Select(mount => new V1VolumeMount
            {
                Name = mount.Claim,
                MountPath = mount.Target,
                SubPath = VolumeSubPath,
                ReadOnlyProperty = mount.ReadOnly ? true : null,
            })],
        };

        var statefulSet = new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = context.Metadata(resource.Name),
            Spec = new V1StatefulSetSpec
            {
                ServiceName = resource.Name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = GenerationContext.Selector(resource.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = GenerationContext.Labels(resource.Name) },
                    Spec = new V1PodSpec { Containers = [container] },
                },
                VolumeClaimTemplates = mounts.Count == 0 ? null : [.. mounts.Select(mount => new V1PersistentVolumeClaim
                {
                    ApiVersion = "v1",
                    Kind = "PersistentVolumeClaim",
                    Metadata = new V1ObjectMeta { Name = mount.Claim, Labels = GenerationContext.Labels(resource.Name) },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(VolumeSize) } },
                    },
                })],
            },
        };

        foreach (var bindMount in mounts.Where(mount => mount.BindSource is not null))
        {
            context.Notes.Add($"{resource.Name}: bind mount {bindMount.BindSource} -> {bindMount.Target} becomes an empty volume claim; copy its content in if it matters.");
        }

        IKubernetesObject[] objects = endpoints.Count == 0
            ? [statefulSet]
            : [statefulSet, ClusterService.For(resource.Name, endpoints, context), NetworkPolicies.For(resource.Name, endpoints, context.Callers.GetValueOrDefault(resource.Name) ?? [], context)];
        return new KubernetesFile($"{resource.Name}.yaml", objects);
    }

    private static List<Mount> Mounts(ManifestResource resource)
    {
        var mounts = new List<Mount>();
        foreach (var (property, isBind) in new[] { ("volumes", false), ("bindMounts", true) })
        {
            if (!resource.Body.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new ManifestException($"resource '{resource.Name}': '{property}' must be an array.");
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var where = $"resource '{resource.Name}' {property}[{index++}]";
                var target = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : throw new ManifestException($"{where} has no 'target' path.");
                var readOnly = item.TryGetProperty("readOnly", out var r) && r.ValueKind == JsonValueKind.True;
                var source = isBind && item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var claim = mounts.Count == 0 ? "data" : $"data-{mounts.Count}";
                mounts.Add(new Mount(claim, target, readOnly, isBind ? source ?? "(no source)" : null));
            }
        }

        return mounts;
    }

    private sealed record Mount(string Claim, string Target, bool ReadOnly, string? BindSource);
}
