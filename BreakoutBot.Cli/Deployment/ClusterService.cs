using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>The ClusterIP Service named after a resource, one port per served binding, and the matching container ports.</summary>
public static class ClusterService
{
    /// <summary>The served endpoints; two bindings on one Service port are an error.</summary>
    /// <exception cref="ManifestException">Two served bindings share a port.</exception>
    public static IReadOnlyList<ClusterEndpoint> ServedEndpoints(ManifestResource resource, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var served = context.Resolver.EndpointsOf(resource).Where(endpoint => endpoint.Served).ToList();
        foreach (var endpoint in context.Resolver.EndpointsOf(resource).Where(endpoint => !endpoint.Served))
        {
            context.Notes.Add($"{resource.Name}: binding '{endpoint.Binding}' is not exposed (no TLS listener in the pod; terminate TLS in an ingress).");
        }

        foreach (var endpoint in served.Where(endpoint => endpoint.External))
        {
            context.Notes.Add($"{resource.Name}: binding '{endpoint.Binding}' is external; the Service is ClusterIP, so add an ingress (or kubectl port-forward) to reach it from outside.");
        }

        var clash = served.GroupBy(endpoint => (endpoint.Port, endpoint.Protocol)).FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            throw new ManifestException($"resource '{resource.Name}': bindings {string.Join(" and ", clash.Select(endpoint => $"'{endpoint.Binding}'"))} both use port {clash.Key.Port}.");
        }

        return served;
    }

    public static V1Service For(string resource, IReadOnlyList<ClusterEndpoint> endpoints, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(context);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = context.Metadata(resource),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = GenerationContext.Selector(resource),
                Ports = [.. endpoints.Select(endpoint => new V1ServicePort
                {
                    Name = endpoint.Binding,
                    Port = endpoint.Port,
                    TargetPort = endpoint.TargetPort,
                    Protocol = endpoint.Protocol,
                })],
            },
        };
    }

    public static IList<V1ContainerPort> ContainerPorts(IReadOnlyList<ClusterEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return [.. endpoints
            .DistinctBy(endpoint => (endpoint.TargetPort, endpoint.Protocol))
            .Select(endpoint => new V1ContainerPort { Name = endpoint.Binding, ContainerPort = endpoint.TargetPort, Protocol = endpoint.Protocol })];
    }
}
