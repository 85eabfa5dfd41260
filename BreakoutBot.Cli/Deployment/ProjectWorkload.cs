using k8s;
using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// A <c>project.v0/v1</c> resource (one of our services): a Deployment and a ClusterIP Service, or a Job for a project
/// that runs to completion (the db-migrator: the services' readiness waits for the schema it brings).
/// </summary>
public static class ProjectWorkload
{
    public const string LivenessPath = "/alive";

    public const string ReadinessPath = "/health";

    /// <summary>Services that must not run twice at once, and why one replica is right.</summary>
    private static readonly Dictionary<string, string> SingleReplicaReasons = new(StringComparer.Ordinal)
    {
        ["executor"] = "replicas: 1 on purpose: the executor trades under an account lease (PostgreSQL advisory lock); extra replicas would only stand by.",
    };

    /// <exception cref="ManifestException">The resource has no path, or its env or bindings cannot be resolved.</exception>
    public static KubernetesFile Build(ManifestResource resource, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var path = resource.String("path") ?? throw new ManifestException($"resource '{resource.Name}' ({resource.Type}) has no 'path' to its project file.");
        var project = ProjectFile.Read(Path.GetFullPath(Path.Combine(context.Manifest.Directory, path)));
        if (project.ContainerRepository is null)
        {
            context.Notes.Add($"{resource.Name}: no ContainerRepository found in {path}; the image is named after the resource.");
        }

        var endpoints = ClusterService.ServedEndpoints(resource, context);
        var environment = context.EnvironmentOf(resource);
        var container = new V1Container
        {
            Name = resource.Name,
            Image = context.Options.ImageFor(project.ContainerRepository ?? resource.Name),
            Ports = endpoints.Count == 0 ? null : ClusterService.ContainerPorts(endpoints),
            Env = environment.ToList(),
        };

        var http = endpoints.FirstOrDefault(endpoint => endpoint.Scheme == "http");
        if (http is not null && project.MapsDefaultEndpoints != false)
        {
            if (project.MapsDefaultEndpoints is null)
            {
                context.Notes.Add($"{resource.Name}: source not found; probes on {LivenessPath} and {ReadinessPath} assume it maps the ServiceDefaults endpoints.");
            }

            container.StartupProbe = Probe(LivenessPath, http, periodSeconds: 2, failureThreshold: 60);
            container.LivenessProbe = Probe(LivenessPath, http, periodSeconds: 10, failureThreshold: 3);
            container.ReadinessProbe = Probe(ReadinessPath, http, periodSeconds: 10, failureThreshold: 3);
        }

        WorkloadHardening.Apply(container, resource.Name);
        if (project.RunsToCompletion)
        {
            return new KubernetesFile($"{resource.Name}.yaml", [Job(resource, container, context)], null);
        }

        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = context.Metadata(resource.Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = GenerationContext.Selector(resource.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = GenerationContext.Labels(resource.Name) },
                    Spec = PodSpec(container),
                },
            },
        };

        IKubernetesObject[] objects = endpoints.Count == 0
            ? [deployment]
            : [deployment, ClusterService.For(resource.Name, endpoints, context), NetworkPolicies.For(resource.Name, endpoints, context.Callers.GetValueOrDefault(resource.Name) ?? [], context)];
        return new KubernetesFile($"{resource.Name}.yaml", objects, SingleReplicaReasons.GetValueOrDefault(resource.Name));
    }

    private static V1Job Job(ManifestResource resource, V1Container container, GenerationContext context) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "Job",
        Metadata = context.Metadata(resource.Name),
        Spec = new V1JobSpec
        {
            BackoffLimit = 6,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = GenerationContext.Labels(resource.Name) },
                Spec = PodSpec(container, restartPolicy: "OnFailure"),
            },
        },
    };

    private static V1PodSpec PodSpec(V1Container container, string? restartPolicy = null) => new()
    {
        Containers = [container],
        RestartPolicy = restartPolicy,
        SecurityContext = WorkloadHardening.PodSecurity(),
        Volumes = [WorkloadHardening.TempDirectory()],
    };

    private static V1Probe Probe(string path, ClusterEndpoint endpoint, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = endpoint.TargetPort },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
    };
}
