using System.Text;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Resolves the manifest's <c>{resource.property}</c> expressions to in-cluster values: bindings to the Service of the
/// resource (<c>{x.bindings.http.url}</c> → <c>http://x:80</c>), connection strings and values recursively through the
/// resource that defines them, parameters to references that are looked up at run time. <c>{{</c> and <c>}}</c> are
/// literal braces. Anything else is an error naming where it was found.
/// </summary>
public sealed class ExpressionResolver
{
    private readonly AspireManifest _manifest;
    private readonly Dictionary<string, IReadOnlyList<ClusterEndpoint>> _endpoints = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _uriEncodedParameters = new(StringComparer.Ordinal);
    private string? _unserved;

    public ExpressionResolver(AspireManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _manifest = manifest;
    }

    /// <exception cref="ManifestException">An expression is malformed, unknown, cyclic or names a missing resource.</exception>
    public ResolvedValue Resolve(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(where);
        _unserved = null;
        var parts = Resolve(text, where, []);
        return new ResolvedValue(parts, _unserved);
    }

    /// <summary>
    /// Parameters used inside a URI (<c>annotated.string</c> with filter <c>uri</c>). Kubernetes cannot encode a value
    /// it reads from a Secret, so these are used as they are and must need no encoding.
    /// </summary>
    public IReadOnlyCollection<string> UriEncodedParameters => _uriEncodedParameters;

    /// <summary>The endpoints of a resource, cached.</summary>
    public IReadOnlyList<ClusterEndpoint> EndpointsOf(ManifestResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!_endpoints.TryGetValue(resource.Name, out var endpoints))
        {
            endpoints = ClusterEndpoint.ListFor(resource);
            _endpoints.Add(resource.Name, endpoints);
        }

        return endpoints;
    }

    private List<ValuePart> Resolve(string text, string where, List<string> resolving)
    {
        var parts = new List<ValuePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '}' && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new ManifestException($"{where}: '}}' without a matching '{{' in '{text}'.");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new ManifestException($"{where}: '{{' without a closing '}}' in '{text}'.");
            }

            var resolved = ResolveReference(text[(i + 1)..close], where, resolving);
            foreach (var part in resolved)
            {
                if (part.IsParameter)
                {
                    Flush(literal, parts);
                    parts.Add(part);
                }
                else
                {
                    literal.Append(part.Text);
                }
            }

            i = close;
        }

        Flush(literal, parts);
        return parts;
    }

    private List<ValuePart> ResolveReference(string reference, string where, List<string> resolving)
    {
        var segments = reference.Split('.');
        var resource = _manifest.Get(segments[0], $"{where}: expression '{{{reference}}}'");
        switch (segments[1..])
        {
            case ["value"] or ["inputs", "value"] when resource.IsParameter:
                return [ValuePart.Parameter(resource.Name)];
            case ["value"] when resource.Type == "annotated.string":
                return ResolveAnnotated(resource, reference, where, resolving);
            case [var property] when property is "connectionString" or "value":
                var definition = resource.String(property)
                    ?? throw new ManifestException($"{where}: expression '{{{reference}}}': resource '{resource.Name}' has no '{property}'.");
                if (resolving.Contains(reference))
                {
                    throw new ManifestException($"{where}: expression '{{{reference}}}' refers to itself ({string.Join(" -> ", resolving)} -> {reference}).");
                }

                resolving.Add(reference);
                var parts = Resolve(definition, $"{where} (through {reference})", resolving);
                resolving.RemoveAt(resolving.Count - 1);
                return parts;
            case ["bindings", var bindingName, var property]:
                var endpoint = EndpointsOf(resource).FirstOrDefault(candidate => candidate.Binding == bindingName)
                    ?? throw new ManifestException($"{where}: expression '{{{reference}}}': resource '{resource.Name}' has no binding '{bindingName}'.");
                if (!endpoint.Served)
                {
                    _unserved ??= $"{resource.Name}.bindings.{bindingName}";
                }

                var text = property switch
                {
                    "url" => endpoint.Url,
                    "host" => endpoint.Host,
                    "port" => endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "targetPort" => endpoint.TargetPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "scheme" => endpoint.Scheme,
                    _ => throw new ManifestException($"{where}: unknown expression '{{{reference}}}' (a binding has url, host, port, targetPort and scheme)."),
                };
                return [ValuePart.Literal(text)];
            default:
                throw new ManifestException($"{where}: unknown expression '{{{reference}}}' on {resource.Type} resource '{resource.Name}'.");
        }
    }

    private List<ValuePart> ResolveAnnotated(ManifestResource resource, string reference, string where, List<string> resolving)
    {
        var filter = resource.String("filter");
        if (filter != "uri")
        {
            throw new ManifestException($"{where}: expression '{{{reference}}}': annotated.string resource '{resource.Name}' has filter '{filter}'; only 'uri' is known.");
        }

        var definition = resource.String("value")
            ?? throw new ManifestException($"{where}: expression '{{{reference}}}': resource '{resource.Name}' has no 'value'.");
        var parts = Resolve(definition, $"{where} (through {reference})", resolving);
        foreach (var parameter in parts.Where(part => part.IsParameter))
        {
            _uriEncodedParameters.Add(parameter.Text);
        }

        return [.. parts.Select(part => part.IsParameter ? part : ValuePart.Literal(Uri.EscapeDataString(part.Text)))];
    }

    private static void Flush(StringBuilder literal, List<ValuePart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(ValuePart.Literal(literal.ToString()));
            literal.Clear();
        }
    }
}
