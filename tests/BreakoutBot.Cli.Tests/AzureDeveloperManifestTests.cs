using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BreakoutBot.Cli.Tests;

/// <summary>
/// <c>azure.yaml</c> and the published manifest as the Azure Developer CLI reads them: azd deploys an Aspire AppHost
/// named by a <c>dotnet</c> service hosted on <c>containerapp</c>, recognises it by the MSBuild property
/// <c>IsAspireHost</c>, and refuses a manifest holding a resource type it does not know.
/// </summary>
public sealed class AzureDeveloperManifestTests
{
    /// <summary>The manifest resource types azd's AppHost importer handles (Azure/azure-dev, pkg/apphost).</summary>
    private static readonly HashSet<string> AzdResourceTypes = new(StringComparer.Ordinal)
    {
        "project.v0", "project.v1", "container.v0", "container.v1", "dockerfile.v0", "parameter.v0", "value.v0", "annotated.string",
        "dapr.v0", "dapr.component.v0", "azure.bicep.v0", "azure.bicep.v1",
    };

    private static string AzureYaml => Path.Combine(DeployManifests.RepositoryRoot, "azure.yaml");

    [Fact]
    public void PublishedManifest_EveryResourceIsOfATypeAzdDeploys()
    {
        var resources = (JsonObject)DeployManifests.LoadReal()["resources"]!;

        var unsupported = resources.Select(resource => $"{resource.Key}: {(string?)resource.Value!["type"]}")
            .Where(entry => !AzdResourceTypes.Contains(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();

        Assert.NotEmpty(resources);
        Assert.Empty(unsupported);
    }

    [Fact]
    public void AzureYaml_HasOneDotnetServiceOnContainerApps_NamingTheAppHostProject()
    {
        var services = Services(File.ReadAllLines(AzureYaml));

        var (name, settings) = Assert.Single(services);
        Assert.Equal("app", name);
        Assert.Equal("dotnet", settings["language"]);
        Assert.Equal("containerapp", settings["host"]);
        Assert.Equal("./BreakoutBot.AppHost/BreakoutBot.AppHost.csproj", settings["project"]);
        Assert.True(File.Exists(Path.Combine(DeployManifests.RepositoryRoot, settings["project"])));
    }

    [Fact]
    public async Task AzureYamlProject_IsAnAspireHost_AsAzdAsksMsBuild()
    {
        var project = Path.Combine(DeployManifests.RepositoryRoot, Services(File.ReadAllLines(AzureYaml))["app"]["project"]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "msbuild", project, "-getProperty:IsAspireHost" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("true", output.Trim());
    }

    /// <summary>
    /// The <c>services</c> map of azure.yaml: service name → its scalar settings. The file is kept to the plain
    /// block-mapping subset this reads (two-space indents, no flow style); anything else fails the test by name.
    /// </summary>
    private static Dictionary<string, Dictionary<string, string>> Services(string[] lines)
    {
        var services = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var inServices = false;
        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0].TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var (key, value) = line.Trim().Split(':', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : throw new FormatException($"azure.yaml: not a 'key: value' line: {raw}");
            switch (indent)
            {
                case 0:
                    inServices = key == "services";
                    break;
                case 2 when inServices:
                    current = services[key] = new Dictionary<string, string>(StringComparer.Ordinal);
                    break;
                case 4 when inServices && current is not null:
                    current[key] = value;
                    break;
                default:
                    if (inServices)
                    {
                        throw new FormatException($"azure.yaml: unexpected indentation under services: {raw}");
                    }

                    break;
            }
        }

        return services;
    }
}
