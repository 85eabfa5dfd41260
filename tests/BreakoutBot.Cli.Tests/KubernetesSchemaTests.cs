using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BreakoutBot.Cli.Tests;

/// <summary>
/// The generated Kubernetes YAML against the Kubernetes API schemas, offline: tests/k8s-schema/validate.mjs checks every
/// object with kubernetes-models (from Kubernetes' OpenAPI definitions; npm packages installed by
/// scripts/prerequisites.sh --tests from its lock file).
/// </summary>
public sealed partial class KubernetesSchemaTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "breakoutbot-k8s-schema-" + Guid.NewGuid().ToString("N"));

    private static string Suite => Path.Combine(DeployManifests.RepositoryRoot, "tests", "k8s-schema");

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Fact]
    public async Task CommittedYaml_EveryObjectValidates()
    {
        var (exitCode, output) = await ValidateAsync(DeployManifests.CommittedOutput);

        Assert.True(exitCode == 0, output);
        var objects = int.Parse(ValidatedCount().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var documents = Directory.GetFiles(DeployManifests.CommittedOutput, "*.yaml")
            .Where(file => Path.GetFileName(file) != "kustomization.yaml")
            .Sum(file => File.ReadAllLines(file).Count(line => line.StartsWith("kind: ", StringComparison.Ordinal)));
        Assert.Equal(documents, objects);
    }

    [Fact]
    public async Task BrokenYaml_RefusedNamingTheObjectAndTheField()
    {
        Directory.CreateDirectory(_scratch);
        var api = await File.ReadAllTextAsync(Path.Combine(DeployManifests.CommittedOutput, "api.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains("replicas: 1", api, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_scratch, "api.yaml"), api.Replace("replicas: 1", "replicas: one", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exitCode, output) = await ValidateAsync(_scratch);

        Assert.Equal(1, exitCode);
        Assert.Contains("api.yaml: Deployment api: data/spec/replicas must be integer", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string folder)
    {
        Assert.True(Directory.Exists(Path.Combine(Suite, "node_modules")), "tests/k8s-schema has no node_modules: run scripts/prerequisites.sh --tests");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Suite, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("validate.mjs");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"validated (\d+) objects")]
    private static partial Regex ValidatedCount();
}
