using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// One NetworkPolicy per workload that serves ports: its pods admit traffic only from the workloads that reference it
/// in the manifest (the AppHost's references), on the ports it serves; a workload with an external binding (the web
/// console) admits anyone on those ports. Egress is not restricted (the venue is outside the cluster).
/// </summary>
public static class NetworkPolicies
{
    public static V1NetworkPolicy For(string workload, IReadOnlyList<ClusterEndpoint> endpoints, IEnumerable<string> callers, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(context);
        var rules = new List<V1NetworkPolicyIngressRule>();
        var external = endpoints.Where(endpoint => endpoint.External).ToList();
        if (external.Count > 0)
        {
            rules.Add(new V1NetworkPolicyIngressRule { Ports = Ports(external) });
        }

        var peers = callers.Select(caller => new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = GenerationContext.Selector(caller) } }).ToList();
        if (peers.Count > 0)
        {
            rules.Add(new V1NetworkPolicyIngressRule { FromProperty = peers, Ports = Ports(endpoints) });
        }

        return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = context.Metadata(workload),
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = GenerationContext.Selector(workload) },
                PolicyTypes = ["Ingress"],
                Ingress = rules,
            },
        };
    }

    private static List<V1NetworkPolicyPort> Ports(IEnumerable<ClusterEndpoint> endpoints) =>
        [.. endpoints.Select(endpoint => endpoint.TargetPort).Distinct().Order().Select(port => new V1NetworkPolicyPort { Port = port, Protocol = "TCP" })];
}
