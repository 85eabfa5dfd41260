using System.Text.Json;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// The publish manifest written by <c>dotnet run --project BreakoutBot.AppHost -- --publisher manifest</c>: its
/// resources by name and the directory it lies in (project paths in it are relative to that directory).
/// </summary>
public sealed class AspireManifest
{
    private AspireManifest(IReadOnlyDictionary<string, ManifestResource> resources, string directory)
    {
        Resources = resources;
        Directory = directory;
    }

    public IReadOnlyDictionary<string, ManifestResource> Resources { get; }

    public string Directory { get; }

    /// <exception cref="ManifestException">The file is missing, unreadable, not JSON or has no resources object.</exception>
    public static AspireManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"cannot read the manifest {path}: {exception.Message}", exception);
        }

        return Parse(json, Path.GetDirectoryName(Path.GetFullPath(path))!, path);
    }

    /// <exception cref="ManifestException">The text is not JSON or has no resources object.</exception>
    public static AspireManifest Parse(string json, string directory, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ManifestException($"{sourceName} is not valid JSON: {exception.Message}", exception);
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("resources", out var resources)
            || resources.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException($"{sourceName} has no 'resources' object; is it an Aspire publish manifest?");
        }

        var byName = new SortedDictionary<string, ManifestResource>(StringComparer.Ordinal);
        foreach (var entry in resources.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object
                || !entry.Value.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                throw new ManifestException($"resource '{entry.Name}' has no 'type'.");
            }

            if (!byName.TryAdd(entry.Name, new ManifestResource(entry.Name, type.GetString()!, entry.Value)))
            {
                throw new ManifestException($"resource '{entry.Name}' is declared twice.");
            }
        }

        return new AspireManifest(byName, directory);
    }

    /// <exception cref="ManifestException">No resource has this name.</exception>
    public ManifestResource Get(string name, string referencedFrom) =>
        Resources.TryGetValue(name, out var resource)
            ? resource
            : throw new ManifestException($"{referencedFrom}: refers to resource '{name}', which the manifest does not have.");
}
