using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// How our own services' pods run: as the non-root user 1654 of their images (numeric, so <c>runAsNonRoot</c> is
/// verified), no privilege escalation, every capability dropped, the runtime's default seccomp profile, a read-only root
/// filesystem with a writable <c>/tmp</c> (an emptyDir), and resource requests and memory limits. Third-party images
/// (PostgreSQL, Redis) keep their own start-up, which needs root to prepare their data directory.
/// </summary>
public static class WorkloadHardening
{
    public const long AppUser = 1654;

    public const string TempVolume = "tmp";

    /// <summary>Memory limit per service (MiB): the executor and the api hold the most; the rest are small.</summary>
    private static readonly Dictionary<string, int> MemoryLimitMiB = new(StringComparer.Ordinal)
    {
        ["api"] = 768,
        ["executor"] = 768,
        ["web"] = 768,
        ["scanner"] = 768,
        ["exchange-sim"] = 1024,
    };

    private const int DefaultMemoryLimitMiB = 512;

    public static V1PodSecurityContext PodSecurity() => new()
    {
        RunAsNonRoot = true,
        RunAsUser = AppUser,
        RunAsGroup = AppUser,
        FsGroup = AppUser,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>Hardens <paramref name="container"/> in place: security context, resources and the /tmp mount.</summary>
    public static void Apply(V1Container container, string service)
    {
        ArgumentNullException.ThrowIfNull(container);
        container.SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            RunAsNonRoot = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        };

        // No CPU limit: throttling a trading service adds latency at the worst moment; requests reserve what it needs.
        var memory = MemoryLimitMiB.GetValueOrDefault(service, DefaultMemoryLimitMiB);
        container.Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new($"{memory / 2}Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new($"{memory}Mi") },
        };
        container.VolumeMounts = [.. container.VolumeMounts ?? [], new V1VolumeMount { Name = TempVolume, MountPath = "/tmp" }];
    }

    /// <summary>The writable scratch space under a read-only root filesystem.</summary>
    public static V1Volume TempDirectory() => new() { Name = TempVolume, EmptyDir = new V1EmptyDirVolumeSource() };
}
