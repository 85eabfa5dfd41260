using System.Text.Json;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// A <c>parameter.v0</c> resource. Secret ones become a Secret the operator fills (the manifest's default, if any, is
/// never copied into the output); the others a ConfigMap holding the manifest's default value.
/// </summary>
public sealed record ManifestParameter(string Name, bool Secret, string? DefaultValue, bool GeneratedByDefault)
{
    /// <summary>The key under which the value is kept in the Secret or ConfigMap.</summary>
    public const string ValueKey = "value";

    public static ManifestParameter From(ManifestResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var secret = false;
        string? defaultValue = null;
        var generated = false;
        if (resource.Body.TryGetProperty("inputs", out var inputs)
            && inputs.ValueKind == JsonValueKind.Object
            && inputs.TryGetProperty("value", out var input)
            && input.ValueKind == JsonValueKind.Object)
        {
            secret = input.TryGetProperty("secret", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (input.TryGetProperty("default", out var @default) && @default.ValueKind == JsonValueKind.Object)
            {
                generated = @default.TryGetProperty("generate", out _);
                if (@default.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    defaultValue = value.GetString();
                }
            }
        }

        return new ManifestParameter(resource.Name, secret, defaultValue, generated);
    }
}
