using System.Text.Json;
using System.Text.RegularExpressions;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Where one manifest binding is reached inside the cluster: the Service named after the resource, its port, and the
/// port the container listens on. A project's https binding that declares no port is not served: the pod listens on
/// HTTP_PORTS only and has no certificate, so TLS belongs to an ingress in front of it.
/// </summary>
public sealed partial record ClusterEndpoint(string Resource, string Binding, string Scheme, string Protocol, int Port, int TargetPort, bool Served = true, bool External = false)
{
    /// <summary>ASP.NET Core container images listen on 8080 unless told otherwise, and projects rarely declare a port.</summary>
    public const int ProjectHttpTargetPort = 8080;

    public const int ProjectHttpsTargetPort = 8443;

    public string Host => Resource;

    public string Url => $"{Scheme}://{Host}:{Port}";

    /// <summary>The resource's bindings, sorted by name.</summary>
    /// <exception cref="ManifestException">A binding is malformed, has an unusable name or no port to listen on.</exception>
    public static IReadOnlyList<ClusterEndpoint> ListFor(ManifestResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.Body.TryGetProperty("bindings", out var bindings) || bindings.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (bindings.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException($"resource '{resource.Name}': 'bindings' must be an object.");
        }

        var endpoints = new List<ClusterEndpoint>();
        foreach (var binding in bindings.EnumerateObject().OrderBy(binding => binding.Name, StringComparer.Ordinal))
        {
            var where = $"resource '{resource.Name}' binding '{binding.Name}'";
            if (!PortName().IsMatch(binding.Name) || binding.Name.Length > 15
                || binding.Name.Contains("--", StringComparison.Ordinal) || !binding.Name.Any(char.IsAsciiLetterLower))
            {
                throw new ManifestException($"{where}: the name cannot be a Kubernetes port name (lower-case letters, digits and '-', at most 15 characters).");
            }

            var scheme = StringOf(binding.Value, "scheme", where) ?? "tcp";
            var protocol = (StringOf(binding.Value, "protocol", where) ?? "tcp").ToUpperInvariant();
            if (protocol is not ("TCP" or "UDP"))
            {
                throw new ManifestException($"{where}: protocol '{protocol}' is not supported (tcp or udp).");
            }

            var port = PortOf(binding.Value, "port", where);
            var declaredTargetPort = PortOf(binding.Value, "targetPort", where);
            var served = !(resource.IsProject && scheme == "https" && port is null && declaredTargetPort is null);
            var targetPort = declaredTargetPort
                ?? (resource.IsProject ? (scheme == "https" ? ProjectHttpsTargetPort : ProjectHttpTargetPort) : port)
                ?? throw new ManifestException($"{where}: has neither 'targetPort' nor 'port', so the container port is unknown.");
            var servicePort = port ?? scheme switch
            {
                "http" => 80,
                "https" => 443,
                _ => targetPort,
            };
            var external = binding.Value.TryGetProperty("external", out var flag) && flag.ValueKind == JsonValueKind.True;
            endpoints.Add(new ClusterEndpoint(resource.Name, binding.Name, scheme, protocol, servicePort, targetPort, served, external));
        }

        return endpoints;
    }

    private static string? StringOf(JsonElement binding, string property, string where) =>
        !binding.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new ManifestException($"{where}: '{property}' must be a string.");

    private static int? PortOf(JsonElement binding, string property, string where) =>
        !binding.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is > 0 and < 65536 ? port
        : throw new ManifestException($"{where}: '{property}' must be a port number (1-65535).");

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex PortName();
}
