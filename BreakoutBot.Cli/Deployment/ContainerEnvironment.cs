using System.Text;
using k8s.Models;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Turns resolved values into a container's environment. A value that is exactly one parameter reads it from its
/// Secret (<c>secretKeyRef</c>) or ConfigMap; a value with a parameter inside text (a connection string with a
/// password) reads the parameter into a helper variable first and uses Kubernetes' <c>$(NAME)</c> expansion, so no
/// secret is ever written into the YAML. Literal <c>$(</c> is escaped as <c>$$(</c>.
/// </summary>
public sealed class ContainerEnvironment
{
    private readonly IReadOnlyDictionary<string, ManifestParameter> _parameters;
    private readonly SortedDictionary<string, string> _helpers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, V1EnvVar> _variables = new(StringComparer.Ordinal);

    public ContainerEnvironment(IReadOnlyDictionary<string, ManifestParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters;
    }

    public void Add(string name, ResolvedValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _variables[name] = value.OnlyParameter is { } parameter
            ? new V1EnvVar { Name = name, ValueFrom = ReferenceTo(parameter) }
            : new V1EnvVar { Name = name, Value = Expand(value) };
    }

    /// <summary>The value as text for an env value or a container argument, parameters as <c>$(HELPER)</c>.</summary>
    public string Expand(ResolvedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        foreach (var part in value.Parts)
        {
            text.Append(part.IsParameter ? $"$({HelperFor(part.Text)})" : part.Text.Replace("$(", "$$(", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    /// <summary>Helpers first (expansion only sees variables defined earlier), then the variables by name.</summary>
    public IList<V1EnvVar> ToList()
    {
        var list = _helpers.Select(helper => new V1EnvVar { Name = helper.Key, ValueFrom = ReferenceTo(helper.Value) }).ToList();
        list.AddRange(_variables.Values);
        return list;
    }

    private string HelperFor(string parameter)
    {
        var name = "PARAMETER_" + string.Concat(parameter.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
        if (_helpers.TryGetValue(name, out var existing) && existing != parameter)
        {
            throw new ManifestException($"parameters '{existing}' and '{parameter}' both map to the variable {name}.");
        }

        _helpers[name] = parameter;
        return name;
    }

    private V1EnvVarSource ReferenceTo(string parameter) =>
        _parameters[parameter].Secret
            ? new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = parameter, Key = ManifestParameter.ValueKey } }
            : new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = parameter, Key = ManifestParameter.ValueKey } };
}
