using System.Text.Json.Nodes;

namespace BreakoutBot.Cli.Tests;

/// <summary>
/// The real publish manifest (deploy/aspire-manifest.json, written by the AppHost's manifest publisher and checked in)
/// and variants of it for the error cases, each in its own scratch directory.
/// </summary>
internal sealed class DeployManifests : IDisposable
{
    public DeployManifests() => Directory.CreateDirectory(Scratch);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RealManifest => Path.Combine(RepositoryRoot, "deploy", "aspire-manifest.json");

    public static string CommittedOutput => Path.Combine(RepositoryRoot, "deploy", "k8s");

    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "breakoutbot-deploy-tests-" + Guid.NewGuid().ToString("N"));

    public string OutputDirectory => Path.Combine(Scratch, "k8s");

    public static JsonObject LoadReal() => (JsonObject)JsonNode.Parse(File.ReadAllText(RealManifest))!;

    /// <summary>Writes the real manifest changed by <paramref name="edit"/> and returns its path.</summary>
    public string Variant(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var manifest = LoadReal();
        edit((JsonObject)manifest["resources"]!);
        return Write(manifest.ToJsonString());
    }

    public string Write(string text)
    {
        var path = Path.Combine(Scratch, $"manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
