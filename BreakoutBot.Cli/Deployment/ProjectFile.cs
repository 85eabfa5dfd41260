using System.Xml;
using System.Xml.Linq;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// What the generator needs from a project's source: the <c>ContainerRepository</c> its csproj sets (the name
/// <c>dotnet publish -t:PublishContainer</c> pushes), whether it maps the ServiceDefaults health endpoints, and
/// whether it is a one-shot job (<c>&lt;KubernetesWorkload&gt;Job&lt;/KubernetesWorkload&gt;</c>: it does its work and exits).
/// </summary>
/// <param name="ContainerRepository">Null when the csproj does not set one or cannot be read.</param>
/// <param name="MapsDefaultEndpoints">Null when the source cannot be read.</param>
public sealed record ProjectFile(string? ContainerRepository, bool? MapsDefaultEndpoints, bool RunsToCompletion = false)
{
    public static ProjectFile Read(string csprojPath)
    {
        ArgumentNullException.ThrowIfNull(csprojPath);
        if (!File.Exists(csprojPath))
        {
            return new ProjectFile(null, null);
        }

        string? repository;
        string? workload;
        try
        {
            var document = XDocument.Load(csprojPath);
            repository = Property(document, "ContainerRepository");
            workload = Property(document, "KubernetesWorkload");
        }
        catch (XmlException)
        {
            (repository, workload) = (null, null);
        }

        var directory = Path.GetDirectoryName(csprojPath)!;
        var separator = Path.DirectorySeparatorChar;
        var mapsDefaultEndpoints = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Any(file => File.ReadAllText(file).Contains(".MapDefaultEndpoints(", StringComparison.Ordinal));
        return new ProjectFile(repository, mapsDefaultEndpoints, string.Equals(workload, "Job", StringComparison.Ordinal));
    }

    private static string? Property(XDocument document, string name) => document
        .Descendants()
        .Where(element => element.Name.LocalName == name)
        .Select(element => element.Value.Trim())
        .LastOrDefault(value => value.Length > 0);
}
