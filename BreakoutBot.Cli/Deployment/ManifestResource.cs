using System.Text.Json;

namespace BreakoutBot.Cli.Deployment;

/// <summary>One entry of the manifest's <c>resources</c> object: its name, its <c>type</c> and the whole JSON body.</summary>
public sealed record ManifestResource(string Name, string Type, JsonElement Body)
{
    public bool IsProject => Type is "project.v0" or "project.v1";

    public bool IsContainer => Type is "container.v0" or "container.v1";

    public bool IsParameter => Type == "parameter.v0";

    public bool IsValue => Type == "value.v0";

    /// <summary>A string property of the body, or null when absent.</summary>
    /// <exception cref="ManifestException">The property is there but not a string.</exception>
    public string? String(string property)
    {
        if (!Body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ManifestException($"resource '{Name}': '{property}' must be a string, not {value.ValueKind}.");
    }

    /// <summary>A string-to-string object of the body (<c>env</c>), in manifest order; empty when absent.</summary>
    /// <exception cref="ManifestException">The property is not an object of strings.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string property)
    {
        if (!Body.TryGetProperty(property, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException($"resource '{Name}': '{property}' must be an object.");
        }

        return [.. map.EnumerateObject().Select(entry => entry.Value.ValueKind == JsonValueKind.String
            ? KeyValuePair.Create(entry.Name, entry.Value.GetString()!)
            : throw new ManifestException($"resource '{Name}': {property}.{entry.Name} must be a string."))];
    }

    /// <summary>A string array of the body (<c>args</c>); empty when absent.</summary>
    /// <exception cref="ManifestException">The property is not an array of strings.</exception>
    public IReadOnlyList<string> StringArray(string property)
    {
        if (!Body.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestException($"resource '{Name}': '{property}' must be an array.");
        }

        return [.. array.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new ManifestException($"resource '{Name}': {property}[{index}] must be a string."))];
    }
}
