using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BreakoutBot.Cli.Tests;

/// <summary>
/// Runs the built AppHost's manifest publisher as a process (as a user does) and feeds its fresh manifest to
/// <c>deploy k8s</c>: the checked-in manifest and YAML must equal what the current AppHost produces. The project builds
/// the AppHost first (a build-order reference, no assembly reference).
/// </summary>
public sealed class DeployK8sPublishedManifestTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    // Inside the repository, so the manifest's relative project paths reach the csproj files (ContainerRepository).
    private readonly string _scratch = Path.Combine(AppContext.BaseDirectory, "published-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Run_ManifestFreshlyPublishedByTheAppHost_EqualsTheCheckedInManifestAndYaml()
    {
        var appHost = AppHostAssembly();
        Assert.True(File.Exists(appHost), $"{appHost} is not built, though this project builds it first");

        Directory.CreateDirectory(_scratch);
        var manifestPath = Path.Combine(_scratch, "aspire-manifest.json");

        var (exitCode, output) = await RunAsync(appHost, "--publisher", "manifest", "--output-path", manifestPath);

        Assert.True(exitCode == 0, output);
        Assert.Equal(Normalized(DeployManifests.RealManifest), Normalized(manifestPath));
        var k8s = Path.Combine(_scratch, "k8s");
        var run = CliRun.Of("deploy", "k8s", "--manifest", manifestPath, "--output", k8s);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var committed = Directory.GetFiles(DeployManifests.CommittedOutput).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, Directory.GetFiles(k8s).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in committed)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(DeployManifests.CommittedOutput, file!)), File.ReadAllText(Path.Combine(k8s, file!)));
        }
    }

    /// <summary>The manifest with volume names (they hash the AppHost's directory) and project paths (relative to the file) blanked.</summary>
    private static string Normalized(string manifestPath)
    {
        var resources = (JsonObject)JsonNode.Parse(File.ReadAllText(manifestPath))!["resources"]!;
        foreach (var (_, resource) in resources)
        {
            if (resource!["volumes"] is JsonArray volumes)
            {
                foreach (var volume in volumes)
                {
                    volume!["name"] = "(volume)";
                }
            }

            if (resource["path"] is JsonValue path)
            {
                resource["path"] = Path.GetFileName(path.GetValue<string>());
            }
        }

        return resources.ToJsonString();
    }

    private static string AppHostAssembly()
    {
        // tests/BreakoutBot.Cli.Tests/bin/<Configuration>/<tfm>/ → BreakoutBot.AppHost/bin/<Configuration>/<tfm>/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        return Path.Combine(DeployManifests.RepositoryRoot, "BreakoutBot.AppHost", "bin", configuration, framework.Name, "BreakoutBot.AppHost.dll");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string appHost, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [appHost, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // As under 'dotnet run --project BreakoutBot.AppHost': appsettings.json is read from the project directory.
            WorkingDirectory = Path.Combine(DeployManifests.RepositoryRoot, "BreakoutBot.AppHost"),
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ProcessTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }
}
